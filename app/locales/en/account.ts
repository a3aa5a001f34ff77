// Words of login, sign-up and the account page.
import type zh from "../zh-CN/account";

const account: Record<keyof typeof zh, string> = {
  "login.title": "Log in",
  "login.email": "Email",
  "login.password": "Password",
  "login.submit": "Log in",
  "login.invalid": "Wrong email or password",
  "login.noAccount": "No account yet?",
  "login.demo": "Demo accounts (password {{password}})",
  "signup.title": "Sign up",
  "signup.name": "Display name",
  "signup.email": "Email",
  "signup.password": "Password (8+ characters)",
  "signup.role": "I want to",
  "signup.role.shopper": "shop",
  "signup.role.host": "host live shows (needs approval)",
  "signup.role.workshop": "open a shop for a workshop (needs approval)",
  "signup.workshopName": "Workshop name",
  "signup.village": "Village",
  "signup.submit": "Create account",
  "signup.haveAccount": "Already have an account?",
  "signup.emailTaken": "This email is already registered",
  "error.email": "Enter a valid email address",
  "error.password": "The password needs at least 8 characters",
  "error.name": "Enter a display name (1–40 characters)",
  "error.workshopName": "Enter the workshop's name",
  "error.village": "Enter the village",
  "account.title": "My account",
  "account.roles": "My roles",
  "account.role.shopper": "Shopper",
  "account.role.admin": "Admin",
  "account.role.host": "Host ({{status}})",
  "account.role.staff": "Member of {{workshop}} ({{status}})",
};

export default account;
