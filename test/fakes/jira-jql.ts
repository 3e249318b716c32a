// A small subset of JQL (https://support.atlassian.com/jira-software-cloud/docs/use-advanced-search-with-jira-query-language-jql/):
// clauses on key/issuekey/id, project, status, statusCategory, created and updated, joined with
// AND/OR/NOT and parentheses, and an ORDER BY. Parsing is pure (a syntax error or a field outside
// the subset is a problem with the request); values are checked against the fake's data later,
// because Jira answers those with 400s that depend on what exists, not with syntax errors.

export type JqlField = "key" | "project" | "status" | "statusCategory" | "created" | "updated";
export type JqlOp = "=" | "!=" | "in" | "not in" | ">" | ">=" | "<" | "<=";
export type JqlNode =
  | { kind: "clause"; field: JqlField; name: string; op: JqlOp; values: string[] }
  | { kind: "and"; left: JqlNode; right: JqlNode }
  | { kind: "or"; left: JqlNode; right: JqlNode }
  | { kind: "not"; node: JqlNode };
export interface JqlQuery {
  where?: JqlNode;
  orderBy: { field: JqlField | "id"; desc: boolean }[];
}

const FIELDS: Record<string, JqlField> = {
  key: "key",
  issuekey: "key",
  id: "key",
  project: "project",
  status: "status",
  statuscategory: "statusCategory",
  created: "created",
  createddate: "created",
  updated: "updated",
  updateddate: "updated",
};
const OPS: Record<JqlField, JqlOp[]> = {
  key: ["=", "!=", "in", "not in", ">", ">=", "<", "<="],
  project: ["=", "!=", "in", "not in"],
  status: ["=", "!=", "in", "not in"],
  statusCategory: ["=", "!=", "in", "not in"],
  created: ["=", "!=", ">", ">=", "<", "<="],
  updated: ["=", "!=", ">", ">=", "<", "<="],
};

interface Token {
  type: "word" | "string" | "op" | "(" | ")" | "," | "eof";
  text: string;
  at: number;
}

export class JqlError extends Error {}

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      tokens.push({ type: c, text: c, at: i++ });
      continue;
    }
    const op = /^(!=|>=|<=|=|>|<|~|!~)/.exec(jql.slice(i));
    if (op) {
      tokens.push({ type: "op", text: op[1], at: i });
      i += op[1].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = "";
      while (j < jql.length && jql[j] !== c) {
        if (jql[j] === "\\") j++;
        text += jql[j] ?? "";
        j++;
      }
      if (j >= jql.length)
        throw new JqlError(
          `Error in the JQL Query: The quoted string '${text}' has not been completed. (line 1, character ${i + 1})`,
        );
      tokens.push({ type: "string", text, at: i });
      i = j + 1;
      continue;
    }
    const word = /^[^\s()=,!<>~"']+/.exec(jql.slice(i));
    if (!word)
      throw new JqlError(
        `Error in the JQL Query: The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}' instead. (line 1, character ${i + 1})`,
      );
    tokens.push({ type: "word", text: word[0], at: i });
    i += word[0].length;
  }
  tokens.push({ type: "eof", text: "EOF", at: jql.length });
  return tokens;
}

const KEYWORDS = new Set([
  "and",
  "or",
  "not",
  "in",
  "order",
  "by",
  "asc",
  "desc",
  "is",
  "was",
  "empty",
  "null",
  "changed",
]);

/** Parses JQL; throws JqlError with Jira's wording for what Jira would refuse as malformed. */
export function parseJql(jql: string): JqlQuery {
  const tokens = tokenize(jql);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (w: string) => peek().type === "word" && peek().text.toLowerCase() === w;
  const fail = (expected: string): never => {
    const t = peek();
    throw new JqlError(
      `Error in the JQL Query: Expecting ${expected} but got '${t.text}'. (line 1, character ${t.at + 1})`,
    );
  };
  const field = (): { field: JqlField; name: string } => {
    const t = peek();
    if (t.type !== "word" && t.type !== "string") fail("a field name");
    if (t.type === "word" && KEYWORDS.has(t.text.toLowerCase())) fail("a field name");
    const f = FIELDS[t.text.toLowerCase()];
    if (!f) throw new JqlError(`Field '${t.text}' does not exist or you do not have permission to view it.`);
    pos++;
    return { field: f, name: t.text };
  };
  const value = (): string => {
    const t = peek();
    if (!((t.type === "word" && !KEYWORDS.has(t.text.toLowerCase())) || t.type === "string"))
      fail("either a value, list or function");
    pos++;
    return t.text;
  };
  const clause = (): JqlNode => {
    const { field: f, name } = field();
    let op: JqlOp;
    if (isWord("not")) {
      pos++;
      if (!isWord("in")) fail("'IN'");
      pos++;
      op = "not in";
    } else if (isWord("in")) {
      pos++;
      op = "in";
    } else if (peek().type === "op") op = tokens[pos++].text as JqlOp;
    else return fail("operator");
    if (!OPS[f].includes(op))
      throw new JqlError(`The operator '${op.toUpperCase()}' is not supported by the '${name}' field.`);
    if (op === "in" || op === "not in") {
      if (peek().type !== "(") fail("'('");
      pos++;
      const values = [value()];
      while (peek().type === ",") {
        pos++;
        values.push(value());
      }
      if (peek().type !== ")") fail("')'");
      pos++;
      return { kind: "clause", field: f, name, op, values };
    }
    return { kind: "clause", field: f, name, op, values: [value()] };
  };
  const primary = (): JqlNode => {
    if (isWord("not")) {
      pos++;
      return { kind: "not", node: primary() };
    }
    if (peek().type === "(") {
      pos++;
      const node = or();
      if (peek().type !== ")") fail("')'");
      pos++;
      return node;
    }
    return clause();
  };
  const and = (): JqlNode => {
    let node = primary();
    while (isWord("and")) {
      pos++;
      node = { kind: "and", left: node, right: primary() };
    }
    return node;
  };
  const or = (): JqlNode => {
    let node = and();
    while (isWord("or")) {
      pos++;
      node = { kind: "or", left: node, right: and() };
    }
    return node;
  };
  const query: JqlQuery = { orderBy: [] };
  if (!isWord("order") && peek().type !== "eof") query.where = or();
  if (isWord("order")) {
    pos++;
    if (!isWord("by")) fail("'BY'");
    do {
      pos++;
      const t = peek();
      const f = t.type === "word" && t.text.toLowerCase() === "id" ? "id" : field().field;
      if (f === "id") pos++;
      const desc = isWord("desc");
      if (desc || isWord("asc")) pos++;
      query.orderBy.push({ field: f, desc });
    } while (peek().type === ",");
  }
  if (peek().type !== "eof") fail(query.orderBy.length ? "',' or end of query" : "either 'AND', 'OR' or 'ORDER BY'");
  return query;
}

export function clauses(node: JqlNode | undefined): Extract<JqlNode, { kind: "clause" }>[] {
  if (!node) return [];
  if (node.kind === "clause") return [node];
  if (node.kind === "not") return clauses(node.node);
  return [...clauses(node.left), ...clauses(node.right)];
}

/** A JQL date: `yyyy-MM-dd`, `yyyy/MM/dd`, either with ` HH:mm`, or a period such as `-5d`, `-2h`, `-30m`, `-1w`. */
export function jqlDate(value: string, now = Date.now()): number | undefined {
  const rel = /^([-+]?)(\d+)([wdhm])$/.exec(value.trim());
  if (rel) {
    const unit = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[3] as "w" | "d" | "h" | "m"];
    return now + (rel[1] === "-" ? -1 : 1) * Number(rel[2]) * unit;
  }
  const abs = /^(\d{4})[-/](\d{2})[-/](\d{2})(?: (\d{2}):(\d{2}))?$/.exec(value.trim());
  if (!abs) return undefined;
  // Jira reads these in the user's time zone; the fake's users are all on UTC.
  return Date.UTC(Number(abs[1]), Number(abs[2]) - 1, Number(abs[3]), Number(abs[4] ?? 0), Number(abs[5] ?? 0));
}
