// What a role editor's save means when someone else saved the same role after it opened: the
// changes made in this editor, applied to the role as it is now (not the whole form written over it).

/**
 * A set after an edit: what is there now, plus what the editor added to what it showed, less what it
 * took away. Two admins editing one role at once, one adding "Accept installers" and the other
 * removing "View panels", end with both changes; neither undoes the other's.
 */
export function applySetChanges<T>(current: readonly T[], shown: readonly T[], edited: readonly T[]): T[] {
  const before = new Set(shown);
  const after = new Set(edited);
  const result = new Set(current);
  for (const x of after) if (!before.has(x)) result.add(x);
  for (const x of before) if (!after.has(x)) result.delete(x);
  return [...result];
}

/** A single value after an edit: the editor's when it changed it, else what is there now. */
export function applyValueChange<T>(current: T, shown: T, edited: T): T {
  return edited === shown ? current : edited;
}
