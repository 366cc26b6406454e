import "server-only";
// Reads for the Installers page. Every function checks the actor first; rows of other
// organizations are never read, and look exactly like missing rows.
import { db } from "../db";
import { readPrepared, readRaw } from "../db-read";
import { assertCan } from "../access/guard";
import { can, NotFoundError, permissionFlags, type Actor } from "../access/actor";
import { grantableRoles } from "../employees/queries";
import { emailConfiguredFor } from "../email/transport";
import { databaseProvider } from "../config";
import { fts5Match, fullTextAnswers, prefixRange, searchWords, type FullTextTerm } from "./search";
import { visiblePanelWhere } from "../panels/rules";
import { ASSIGNED_PANEL_INCLUDE, assignedPanel, type AssignedPanel } from "../panels/queries";
import { clampPage, parseGridState, type PackedRows, type SearchParams } from "../grid";
import { Prisma } from "../generated/sqlite/client";
import type { InstallerStatusName } from "./rules";

export const INSTALLER_SORTS = ["name", "phone", "panels", "lastLogin", "created", "status"] as const;
export type InstallerSort = (typeof INSTALLER_SORTS)[number];

export type InstallerRow = {
  id: string;
  name: string;
  email: string;
  phone: string;
  panelCount: number;
  status: InstallerStatusName;
  createdAt: string;
  lastLoginAt: string | null;
};

/**
 * Ids of installers where every query word starts one of their tokens: an INTERSECT of index
 * range scans (see ./search.ts). Written as SQL because Prisma turns relation filters into
 * correlated EXISTS that read every installer; this SQL is the same on SQLite and PostgreSQL.
 */
function matchingInstallerIds(organizationId: string, words: string[]) {
  return Prisma.join(
    words.map((w) => {
      const range = prefixRange(w);
      return Prisma.sql`SELECT "installerId" FROM "InstallerSearchToken" WHERE "organizationId" = ${organizationId} AND "token" >= ${range.gte} AND "token" < ${range.lt}`;
    }),
    " INTERSECT ",
  );
}

const SORT_SQL: Record<InstallerSort, string> = { name: `"name"`, phone: `"phone"`, panels: `"panelCount"`, lastLogin: `"lastLoginAt"`, created: `"createdAt"`, status: `"status"` };

/** Above this many matches, walking the sort index and probing tokens finds a page sooner than sorting every match. */
const WALK_INDEX_ABOVE = 5_000;

function everyWordMatches(words: string[]) {
  return Prisma.join(
    words.map((w) => {
      const range = prefixRange(w);
      return Prisma.sql`EXISTS (SELECT 1 FROM "InstallerSearchToken" t WHERE t."installerId" = "Installer"."id" AND t."token" >= ${range.gte} AND t."token" < ${range.lt})`;
    }),
    " AND ",
  );
}

function orderBy(sort: InstallerSort, dir: "asc" | "desc", table = "") {
  const d = dir === "asc" ? "ASC" : "DESC";
  return Prisma.raw(`${table}${SORT_SQL[sort]} ${d}, ${table}"id" ${d}`);
}

/**
 * The organization's tokens that `word` starts (`where`, a range of the token table's key), and the
 * first and last of them (two index seeks).
 */
function tokenBounds(organizationId: string, word: string): { where: Prisma.Sql; lo: Prisma.Sql; hi: Prisma.Sql } {
  const range = prefixRange(word);
  const where = Prisma.sql`"organizationId" = ${organizationId} AND "token" >= ${range.gte} AND "token" < ${range.lt}`;
  return {
    where,
    lo: Prisma.sql`(SELECT "token" FROM "InstallerSearchToken" WHERE ${where} ORDER BY "token" ASC LIMIT 1)`,
    hi: Prisma.sql`(SELECT "token" FROM "InstallerSearchToken" WHERE ${where} ORDER BY "token" DESC LIMIT 1)`,
  };
}

/**
 * How many installers match one word. Several tokens of one installer can start with the word
 * ("sam" in "Samuel Samson"), so rows are counted per installer, unless the range holds a single
 * token value: (organizationId, token, installerId) is the key, so its rows are distinct installers.
 * That token's rows are then counted by equality, not by the range: each index entry is tested
 * against the scan's bounds, and an equal string compares byte for byte where an upper bound takes
 * the database's collation ("smith" at a million installers, 62,500 entries, on PostgreSQL: this
 * statement 9.4 → 7.6 ms, the two run in turn). The first and last token are two index seeks; CASE
 * runs only the count it picks. Prepared: index range scans whatever the word.
 */
async function countOneWord(organizationId: string, word: string): Promise<number> {
  const { where, lo, hi } = tokenBounds(organizationId, word);
  const [counted] = await readPrepared<{ n: number | bigint | null }>`
    SELECT CASE WHEN b.lo IS NULL THEN 0
                WHEN b.lo = b.hi THEN (SELECT COUNT(*) FROM "InstallerSearchToken" WHERE "organizationId" = ${organizationId} AND "token" = b.lo)
                ELSE (SELECT COUNT(DISTINCT "installerId") FROM "InstallerSearchToken" WHERE ${where}) END AS n
    FROM (SELECT ${lo} AS lo, ${hi} AS hi) b`;
  return Number(counted?.n ?? 0);
}

/**
 * Each word as a full-text term (SQLite): the whole token when the word starts exactly one (a list
 * read as it is), else the word as a prefix (lists merged, slower). Null when a word starts no
 * token: nothing matches. Two index seeks per word, in one statement.
 */
async function fullTextTerms(organizationId: string, words: string[]): Promise<FullTextTerm[] | null> {
  const bounds = Prisma.join(
    words.map((w, i) => {
      const { lo, hi } = tokenBounds(organizationId, w);
      return Prisma.sql`${lo} AS ${Prisma.raw(`"lo${i}"`)}, ${hi} AS ${Prisma.raw(`"hi${i}"`)}`;
    }),
    ", ",
  );
  const [row] = await readPrepared<Record<string, string | null>>`SELECT ${bounds}`;
  const terms: FullTextTerm[] = [];
  for (const [i, w] of words.entries()) {
    const lo = row?.[`lo${i}`] ?? null;
    const hi = row?.[`hi${i}`] ?? null;
    if (lo === null) return null;
    terms.push(lo === hi && fullTextAnswers([lo]) ? { text: lo, prefix: false } : { text: w, prefix: true });
  }
  return terms;
}

/** A text as a quoted tsquery lexeme, in SQL: backslashes and quotes doubled (chr 92, chr 39). */
function quotedLexeme(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(chr(39) || replace(replace(${text}, chr(92), chr(92) || chr(92)), chr(39), chr(39) || chr(39)) || chr(39))`;
}

/**
 * The sort column and id of the installers that have every word, on PostgreSQL: its GIN index
 * (migration installer_search_text). Each word is a term worked out in the statement itself: the
 * whole token when the word starts exactly one (a list read as it is; a lexeme is the token as it
 * is, punctuation and all), else the word as a prefix (lists merged, slower), and null, matching
 * nothing, when it starts none. In the statement, not a statement before it: each round trip cost
 * the page ~0.8 ms in the server beyond PostgreSQL's own 0.2 ("olivia smith", a million installers).
 * One condition per term, not one query of all the terms: the index then takes each term as a key
 * of its own and skips through the longer list by the shorter ("olivia smith" at a million: the
 * index part 6.7-7.2 → 3.6 ms; the same 3,907 installers).
 */
function fullTextMatches(organizationId: string, words: string[], sort: InstallerSort): Prisma.Sql {
  const vector = Prisma.raw(`array_to_tsvector(array_remove(string_to_array("searchText", ' '), ''))`);
  const everyTerm = Prisma.join(
    words.map((w) => {
      const { lo, hi } = tokenBounds(organizationId, w);
      const term = Prisma.sql`(SELECT CASE WHEN b.lo IS NULL THEN NULL WHEN b.lo = b.hi THEN ${quotedLexeme(Prisma.sql`b.lo`)} ELSE ${quotedLexeme(Prisma.sql`${w}`)} || ':*' END::tsquery
        FROM (SELECT ${lo} AS lo, ${hi} AS hi) b)`;
      return Prisma.sql`${vector} @@ ${term}`;
    }),
    " AND ",
  );
  return Prisma.sql`SELECT ${sortKey(sort)} FROM "Installer" WHERE "organizationId" = ${organizationId} AND ${everyTerm}`;
}

/** An organization's documents in SQLite's full-text index have rowids from its key × 2^40 on (prisma/sqlite/installer-search.sql). */
const ORGANIZATION_ROWIDS = Prisma.raw("1099511627776");

/**
 * A search of several words on SQLite: FTS5 finds the matches within the organization's range of
 * rowids, so they are counted from the index alone, no installer read (at a million installers,
 * "olivia smith": 3.4 → 1.8 ms). The page is then found one of two ways, in the same statement:
 * - walking the organization's index of the sort column and keeping the matches, when the page
 *   should come within 2 index entries per match if matches were spread evenly (the first pages;
 *   about 0.07 µs an entry);
 * - else reading every match's sort column and sorting (about 1 µs a match).
 * The walk stops after 4 entries per match, however the matches fall in the sort order (a name
 * search sorted by name finds them together, maybe at the far end); if it stops short of the
 * page, the page is sorted after all. `hits` has no ORDER BY on purpose: the walk yields its rows
 * in the index's order and stops at the page's last row, where a sort would read the whole budget
 * first (the page's rows are put in order again when written, by rowsJson).
 */
async function fullTextPageSqlite(organizationId: string, terms: FullTextTerm[], sort: InstallerSort, dir: "asc" | "desc", page: number, size: number) {
  const offset = (page - 1) * size;
  const [row] = await readRaw<{ matchCount: number | bigint; rows: string }>`
    WITH k AS (SELECT "key" * ${ORGANIZATION_ROWIDS} AS lo FROM "InstallerSearchOrganization" WHERE "organizationId" = ${organizationId}),
      m AS MATERIALIZED (SELECT s.rowid - (SELECT lo FROM k) AS r FROM "InstallerSearch" s
        WHERE "InstallerSearch" MATCH ${fts5Match(terms)} AND s.rowid >= (SELECT lo FROM k) AND s.rowid < (SELECT lo FROM k) + ${ORGANIZATION_ROWIDS}),
      c AS (SELECT COUNT(*) AS n, (SELECT "installerCount" FROM "Organization" WHERE "id" = ${organizationId}) AS t FROM m),
      budget AS (SELECT CASE WHEN n > 0 AND ${offset + size} * t <= 2 * n * n THEN 4 * n ELSE 0 END AS entries FROM c),
      walked AS NOT MATERIALIZED (SELECT rowid AS r, "id" FROM "Installer" WHERE "organizationId" = ${organizationId} ORDER BY ${orderBy(sort, dir)} LIMIT (SELECT entries FROM budget)),
      hits AS MATERIALIZED (SELECT "id" FROM walked WHERE r IN (SELECT r FROM m) LIMIT (SELECT CASE WHEN entries > 0 THEN ${size} ELSE 0 END FROM budget) OFFSET ${offset}),
      walkFound AS (SELECT (SELECT entries FROM budget) > 0 AND (SELECT COUNT(*) FROM hits) >= MIN(${size}, n - ${offset}) AS yes FROM c),
      sorted AS NOT MATERIALIZED (SELECT "id" FROM "Installer" WHERE rowid IN (SELECT r FROM m) ORDER BY ${orderBy(sort, dir)} LIMIT (SELECT CASE WHEN yes THEN 0 ELSE ${size} END FROM walkFound) OFFSET ${offset}),
      shown AS MATERIALIZED (SELECT "id" FROM hits WHERE (SELECT yes FROM walkFound) UNION ALL SELECT "id" FROM sorted)
    SELECT c.n AS "matchCount", ${rowsJson(Prisma.sql`SELECT ${ROW_COLUMNS} FROM "Installer" WHERE "id" IN (SELECT "id" FROM shown)`, sort, dir)} AS "rows" FROM c`;
  const total = Number(row?.matchCount ?? 0);
  const shown = clampPage(page, size, total);
  if (shown !== page) return fullTextPageSqlite(organizationId, terms, sort, dir, shown, size);
  return { total, page, rows: row?.rows ?? "[]" };
}

/** What ordering a match needs: its sort column and id (the rest is read for the page's rows only). */
function sortKey(sort: InstallerSort, table = "") {
  return Prisma.raw(`${table}${SORT_SQL[sort]}, ${table}"id"`);
}

async function searchPage(organizationId: string, words: string[], sort: InstallerSort, dir: "asc" | "desc", page: number, size: number) {
  const matching = matchingInstallerIds(organizationId, words);
  const walkPage = (offset: number) =>
    readRowsJson(
      Prisma.sql`SELECT ${ROW_COLUMNS} FROM "Installer" WHERE "organizationId" = ${organizationId} AND ${everyWordMatches(words)} ORDER BY ${orderBy(sort, dir)} LIMIT ${size} OFFSET ${offset}`,
      sort,
      dir,
    );
  if (words.length === 1) {
    const total = await countOneWord(organizationId, words[0]!);
    const shown = clampPage(page, size, total);
    const offset = (shown - 1) * size;
    const rows =
      total > WALK_INDEX_ABOVE
        ? await walkPage(offset)
        : await readRowsJson(
            Prisma.sql`SELECT ${ROW_COLUMNS} FROM "Installer" WHERE "organizationId" = ${organizationId} AND "id" IN (${matching}) ORDER BY ${orderBy(sort, dir)} LIMIT ${size} OFFSET ${offset}`,
            sort,
            dir,
          );
    return { total, page: shown, rows };
  }
  // Several words: finding the installers that match all of them is the costly part, so one
  // statement does it once and returns the count with the page (sorted here only when few match;
  // many → walk the index). Words of letters and digits ask the full-text index, which intersects
  // its lists in a few milliseconds at a million installers; others intersect token ranges.
  let matches: Prisma.Sql;
  if (!fullTextAnswers(words)) {
    matches = Prisma.sql`SELECT ${sortKey(sort)} FROM "Installer" WHERE "organizationId" = ${organizationId} AND "id" IN (${matching})`;
  } else if (databaseProvider() === "sqlite") {
    const terms = await fullTextTerms(organizationId, words);
    if (!terms) return { total: 0, page: 1, rows: "[]" };
    return fullTextPageSqlite(organizationId, terms, sort, dir, page, size);
  } else {
    matches = fullTextMatches(organizationId, words, sort);
  }
  // Prepared: whatever the words, the plan finds every match by the index and sorts them (no
  // walk that a generic plan might misjudge): parsing and planning it took 0.55 ms of its 6.5
  // ("olivia smith" at a million installers, PostgreSQL).
  const countAndPage = async (offset: number) => {
    const [row] = await readPrepared<{ matchCount: number | bigint; rows: string }>`
      WITH m AS MATERIALIZED (${matches}), c AS (SELECT COUNT(*) AS n FROM m),
        shown AS (SELECT "id" FROM m WHERE (SELECT n FROM c) <= ${WALK_INDEX_ABOVE} ORDER BY ${orderBy(sort, dir)} LIMIT ${size} OFFSET ${offset})
      SELECT c.n AS "matchCount", ${rowsJson(Prisma.sql`SELECT ${ROW_COLUMNS} FROM "Installer" WHERE "id" IN (SELECT "id" FROM shown)`, sort, dir)} AS "rows" FROM c`;
    return { total: Number(row?.matchCount ?? 0), rows: row?.rows ?? "[]" };
  };
  let result = await countAndPage((page - 1) * size);
  const total = result.total;
  const shown = clampPage(page, size, total);
  if (total > WALK_INDEX_ABOVE) return { total, page: shown, rows: await walkPage((shown - 1) * size) };
  if (shown !== page) result = await countAndPage((shown - 1) * size);
  return { total, page: shown, rows: result.rows };
}

/**
 * One grid page without search (an indexed walk of (organizationId, column, id)), and in the same
 * statement the organization's counter, which is also the total; a page past the end is read again
 * as the last page. Prepared on PostgreSQL: its plan is that walk for any organization and page
 * (the generic plan is the custom one, deep pages included).
 */
async function plainPage(organizationId: string, sort: InstallerSort, dir: "asc" | "desc", page: number, size: number) {
  const read = (p: number) => readPrepared<{ organizationTotal: number | bigint; rows: string }>`
    SELECT o."installerCount" AS "organizationTotal", ${rowsJson(
      Prisma.sql`SELECT ${ROW_COLUMNS} FROM "Installer" WHERE "organizationId" = ${organizationId} ORDER BY ${orderBy(sort, dir)} ${pageWindow(size, (p - 1) * size)}`,
      sort,
      dir,
    )} AS "rows"
    FROM "Organization" o WHERE o."id" = ${organizationId}`;
  let [result] = await read(page);
  const organizationTotal = Number(result?.organizationTotal ?? 0);
  const shown = clampPage(page, size, organizationTotal);
  if (shown !== page) [result] = await read(shown);
  return { organizationTotal, page: shown, rows: result?.rows ?? "[]" };
}

/**
 * LIMIT and OFFSET of a page. The first page, most visits, has its size written into the statement
 * (one of PAGE_SIZES) and no OFFSET: PostgreSQL then plans it once per connection and reuses the
 * plan, where with both as parameters it plans every run, its generic estimate of a LIMIT and an
 * OFFSET it does not know being dearer than the custom plan (pgbench, the 15-row page's statement
 * at 100,000 installers: 0.165-0.364 → 0.088-0.095 ms a run). Deeper pages keep parameters: a
 * statement per offset would prepare one more on every connection for each page visited.
 */
function pageWindow(size: number, offset: number): Prisma.Sql {
  if (offset === 0 && Number.isSafeInteger(size) && size > 0) return Prisma.raw(`LIMIT ${size}`);
  return Prisma.sql`LIMIT ${size} OFFSET ${offset}`;
}

const ROW_COLUMNS = Prisma.raw(`"id", "name", "email", "phone", "panelCount", "status", "createdAt", "lastLoginAt"`);
const ROW_FIELDS = ["id", "name", "email", "phone", "panelCount", "status", "createdAt", "lastLoginAt"] as const satisfies readonly (keyof InstallerRow)[];

/**
 * The rows of a page, read by `rows`, as the JSON of the grid's payload (PackedRows in lib/grid):
 * one array of ROW_FIELDS' values per row, in the page's order, each date as toISOString() writes
 * it. The database writes it: 200 rows turned into objects, their dates into Dates and back, and
 * the lot into JSON cost more than the query itself (the statement: 960 → 760 µs for 200 rows,
 * and no conversion left in JavaScript; the 200-row page's server CPU 13 % less).
 */
function rowsJson(rows: Prisma.Sql, sort: InstallerSort, dir: "asc" | "desc"): Prisma.Sql {
  if (databaseProvider() === "postgresql") {
    const iso = (column: string) => Prisma.raw(`to_char(r."${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
    return Prisma.sql`(SELECT COALESCE(json_agg(json_build_array(r."id", r."name", r."email", r."phone", r."panelCount", r."status", ${iso("createdAt")}, ${iso("lastLoginAt")})
      ORDER BY ${orderBy(sort, dir, "r.")}), '[]')::text FROM (${rows}) r)`;
  }
  // strftime reads every text form SQLite holds (Prisma's "…T…+00:00", CURRENT_TIMESTAMP's "… …")
  // as UTC; an integer is epoch milliseconds, as Prisma reads it.
  const iso = (column: string) =>
    Prisma.raw(
      `CASE typeof(r."${column}") WHEN 'integer' THEN strftime('%Y-%m-%dT%H:%M:%S', r."${column}" / 1000, 'unixepoch') || printf('.%03dZ', r."${column}" % 1000) ELSE strftime('%Y-%m-%dT%H:%M:%fZ', r."${column}") END`,
    );
  return Prisma.sql`(SELECT json_group_array(json_array(r."id", r."name", r."email", r."phone", r."panelCount", r."status", ${iso("createdAt")}, ${iso("lastLoginAt")})
    ORDER BY ${orderBy(sort, dir, "r.")}) FROM (${rows}) r)`;
}

async function readRowsJson(rows: Prisma.Sql, sort: InstallerSort, dir: "asc" | "desc"): Promise<string> {
  const [row] = await readRaw<{ rows: string }>`SELECT ${rowsJson(rows, sort, dir)} AS "rows"`;
  return row?.rows ?? "[]";
}

export async function listInstallers(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "installers.view");
  const grid = parseGridState(params, { sorts: INSTALLER_SORTS, defaultSort: "created", defaultDir: "desc" });
  const words = searchWords(grid.q);
  // The header count reads a counter, never the table.
  let organizationTotal: number, matching: number, page: number, rows: string;
  if (words.length) {
    const [[counter], found] = await Promise.all([
      readPrepared<{ installerCount: number | bigint }>`SELECT "installerCount" FROM "Organization" WHERE "id" = ${a.organizationId}`,
      searchPage(a.organizationId, words, grid.sort, grid.dir, grid.page, grid.size),
    ]);
    organizationTotal = Number(counter?.installerCount ?? 0);
    ({ total: matching, page, rows } = found);
  } else {
    ({ organizationTotal, page, rows } = await plainPage(a.organizationId, grid.sort, grid.dir, grid.page, grid.size));
    matching = organizationTotal;
  }
  const packed: PackedRows<InstallerRow> = { fields: ROW_FIELDS, values: rows };
  return {
    rows: packed,
    organizationTotal,
    total: matching,
    page,
    size: grid.size,
    sort: grid.sort,
    dir: grid.dir,
    q: grid.q,
  };
}

export async function getInstallerDetails(actor: Actor | null, installerId: string) {
  const a = await assertCan(actor, "installers.view");
  const installer = await db.installer.findFirst({
    where: { id: installerId, organizationId: a.organizationId },
    include: { user: { select: { passwordHash: true } } },
  });
  if (!installer) throw new NotFoundError("The installer");
  let panels: AssignedPanel[] | null = null;
  let hiddenPanels = 0;
  if (can(a, "installers.viewPanels")) {
    const links = await db.installerPanel.findMany({
      where: { installerId, panel: visiblePanelWhere(a) },
      include: ASSIGNED_PANEL_INCLUDE,
      orderBy: { createdAt: "asc" },
    });
    panels = links.map(assignedPanel);
    hiddenPanels = Math.max(0, installer.panelCount - panels.length);
  }
  return {
    id: installer.id,
    name: installer.name,
    email: installer.email,
    phone: installer.phone,
    status: installer.status as InstallerStatusName,
    createdAt: installer.createdAt.toISOString(),
    lastLoginAt: installer.lastLoginAt?.toISOString() ?? null,
    panelCount: installer.panelCount,
    registrationCompleted: !!installer.user.passwordHash,
    panels,
    hiddenPanels,
  };
}
export type InstallerDetails = Awaited<ReturnType<typeof getInstallerDetails>>;

/** Panels the actor may assign: its organization's, in groups its role sees, not yet assigned. */
export async function listAssignablePanels(actor: Actor | null, installerId: string, q: string) {
  const a = await assertCan(actor, "installers.assignPanels");
  const installer = await db.installer.findFirst({ where: { id: installerId, organizationId: a.organizationId }, select: { id: true } });
  if (!installer) throw new NotFoundError("The installer");
  const panels = await db.panel.findMany({
    where: {
      organizationId: a.organizationId,
      ...visiblePanelWhere(a),
      installers: { none: { installerId } },
      ...(q ? { OR: [{ imei: { startsWith: q } }, { accountCode: { startsWith: q.toUpperCase() } }] } : {}),
    },
    orderBy: { imei: "asc" },
    take: 50,
    include: { panelGroup: { select: { name: true } } },
  });
  return panels.map((p) => ({ id: p.id, imei: p.imei, accountCode: p.accountCode, panelGroupName: p.panelGroup.name }));
}

/**
 * Roles the actor may give in a conversion: within its own permissions and panel groups, the rule
 * the conversion itself applies (it offered roles beyond the actor's panel groups, then refused them).
 */
export async function listRolesForConversion(actor: Actor | null) {
  return grantableRoles(await assertCan(actor, "installers.convert"));
}

/** Everything the Installers page shows, in one call. */
export async function loadInstallersPage(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "installers.view");
  const selectedId = typeof params.installer === "string" ? params.installer : null;
  // The roles a conversion may give are read when its form opens (listConversionRolesAction).
  const [grid, details] = await Promise.all([listInstallers(a, params), selectedId ? getInstallerDetails(a, selectedId).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e))) : null]);
  return {
    grid,
    details,
    emailConfigured: emailConfiguredFor(a),
    permissions: permissionFlags(a, {
      add: "installers.add",
      accept: "installers.accept",
      remove: "installers.remove",
      resetPassword: "installers.resetPassword",
      convert: "installers.convert",
      assignPanels: "installers.assignPanels",
      unassignPanels: "installers.unassignPanels",
      viewPanels: "installers.viewPanels",
    }),
  };
}
export type InstallersPageData = Awaited<ReturnType<typeof loadInstallersPage>>;
export type InstallerPermissions = InstallersPageData["permissions"];
