// How many choices a form's server-searched list shows at a time (Add site's customer, a job's
// site): the first by name, or those matching what was typed. Plain, so forms can name it too.
export const SEARCHED_CHOICES = 50;

/** A search's text: trimmed, at most 100 characters (the forms' inputs allow that many). */
export const SEARCH_TEXT_MAX = 100;
