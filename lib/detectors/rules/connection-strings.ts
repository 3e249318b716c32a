import type { Rule } from "../rule";

// Passwords that stand for "put yours here" or a local default, not a leak.
const DEFAULTS =
  /^(?:pass(?:word|wd)?|secret|changeme|postgres|root|admin|user(?:name)?|guest|test|redis|mysql|mongo|rabbit|default|pwd|p@ssw0rd)$/i;
const password = (_s: string, m: RegExpExecArray) => !DEFAULTS.test(m.groups?.secret ?? "");

export const CONNECTION_STRING_RULES: Rule[] = [
  // The secret is the password: the masked excerpt still shows the user, host and database.
  {
    detector: "dbConnection",
    keywords: ["postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver", "cockroachdb"],
    pattern:
      /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb):\/\/[^:/?#@\s"'<>]{0,100}:(?<secret>[^@/?#\s"'<>]{1,200})@[A-Za-z0-9.-]{1,253}/i,
    verify: password,
  },
  // Any other URL with `user:password@`.
  {
    detector: "urlCredentials",
    keywords: ["://"],
    pattern:
      /:\/\/[^:/?#@\s"'<>]{1,100}:(?<secret>[^@/?#\s"'<>]{1,200})@(?:[A-Za-z0-9-]{1,63}\.){1,10}[A-Za-z]{2,63}(?![A-Za-z0-9-])/,
    rank: 2,
    verify: password,
  },
];
