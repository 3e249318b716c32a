"use client";

type RedocGlobal = {
  init: (
    specUrl: string,
    options: Record<string, unknown>,
    element: HTMLElement,
    done?: (error?: unknown) => void,
  ) => void;
};

const SCRIPT = "/api-reference/redoc.js";

/** Load Redoc's bundle once, from this origin (app/api-reference/redoc.js). */
export function loadRedoc(): Promise<RedocGlobal> {
  const w = window as unknown as { Redoc?: RedocGlobal; __csRedoc?: Promise<RedocGlobal> };
  w.__csRedoc ??= new Promise((resolve, reject) => {
    if (w.Redoc) return resolve(w.Redoc);
    const script = document.createElement("script");
    script.src = SCRIPT;
    script.async = true;
    script.onload = () => (w.Redoc ? resolve(w.Redoc) : reject(new Error("Redoc did not load")));
    script.onerror = () => reject(new Error("Redoc did not load"));
    document.head.appendChild(script);
  });
  return w.__csRedoc;
}

// System fonts (nothing is fetched from the web), the app's colours at AA contrast, and one column:
// beside the app's navigation, Redoc's three columns leave each too narrow to read.
export const REDOC_OPTIONS = {
  disableSearch: true,
  hideDownloadButton: true,
  expandResponses: "200,201,202",
  jsonSampleExpandLevel: 3,
  sortPropsAlphabetically: false,
  theme: {
    breakpoints: { small: "50rem", medium: "200rem", large: "250rem" },
    colors: {
      primary: { main: "#1d4ed8", light: "#1d4ed8" },
      success: { main: "#15803d" },
      error: { main: "#b91c1c" },
      warning: { main: "#a16207" },
      text: { primary: "#18181b", secondary: "#52525b" },
    },
    typography: {
      fontFamily: "ui-sans-serif, system-ui, sans-serif",
      fontSize: "14px",
      headings: { fontFamily: "ui-sans-serif, system-ui, sans-serif", fontWeight: "600" },
      code: { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace" },
    },
    sidebar: { backgroundColor: "#fafafa", width: "240px" },
    rightPanel: { backgroundColor: "#18181b" },
  },
};
