export const PASSWORD_RULES = "8 to 128 characters. A passphrase of several words is easy to remember; very common passwords are refused.";
