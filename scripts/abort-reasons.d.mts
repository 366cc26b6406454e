export function formatAbortReasonStacks(): void;
