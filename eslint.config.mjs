import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

const config = [
  ...coreWebVitals,
  ...typescript,
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      ".data*/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      ".stryker-tmp*/**",
      "reports/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Layers run one way: app → components → lib → db. Only lib/config is shared with db/.
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./components",
              from: "./app",
              message: "components/ never imports app/: move what both need into lib/.",
            },
            {
              target: "./lib",
              from: ["./components", "./app"],
              message: "lib/ never imports components/ or app/: describe UI as data.",
            },
            { target: "./db", from: "./lib", except: ["./config"], message: "db/ imports from lib/ only lib/config." },
          ],
        },
      ],
    },
  },
];

export default config;
