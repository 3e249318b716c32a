import { assigned, type Rule } from "../rule";

export const FRAMEWORK_RULES: Rule[] = [
  // config/initializers/secret_token.rb (`secret_token = '…'`) and secrets.yml (`secret_key_base: …`).
  assigned("railsSecretToken", ["secret_token", "secret_key_base"], "[0-9a-f]{30,256}", { entropy: 3 }),
  // settings.py: `SECRET_KEY = '…'`, 50 characters from Django's alphabet (with or without the
  // `django-insecure-` prefix that startproject writes: it is still this project's key).
  {
    detector: "djangoSecretKey",
    keywords: ["secret_key"],
    pattern:
      /SECRET_KEY[ \t]{0,5}=[ \t]{0,5}(?<q>["'])(?<secret>(?:django-insecure-)?[a-z0-9!@#$%^&*(\-_=+)]{40,60})\k<q>/,
    rank: 2,
    entropy: 3.5,
  },
];
