// The language switch's label from the other language's file, without the rest of that file
// (app/i18n.ts): Vite treats `?switch` as a module of its own, so English stays a separate file.
declare module '*/en.json?switch' {
  export const language: { switchTo: string };
}
