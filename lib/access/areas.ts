import type { UserKindName } from "./actor";

/** Each account kind has one area of the app. */
export function homePathFor(kind: UserKindName): string {
  switch (kind) {
    case "EMPLOYEE":
      return "/";
    case "INSTALLER":
      return "/installer";
    default:
      return "/app";
  }
}
