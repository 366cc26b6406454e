// One line of text: what names, titles and labels may hold. A line break in a name would reach
// an email subject (header injection) or forge a line of the audit log.

/** C0 controls (CR, LF, TAB, …), DEL, C1 controls and the Unicode line and paragraph separators. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const CONTROL_CHARACTERS_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu;

export const SINGLE_LINE_MESSAGE = "Use one line of text, without line breaks or control characters.";

export function isSingleLine(text: string): boolean {
  return !CONTROL_CHARACTERS.test(text);
}

/** For text that reaches a header or the audit log from elsewhere: control characters become one space. */
export function toSingleLine(text: string): string {
  return text.replace(CONTROL_CHARACTERS_ALL, " ");
}
