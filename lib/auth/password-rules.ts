export const PASSWORD_RULES = "At least 10 characters, with letters and at least one digit or symbol.";
