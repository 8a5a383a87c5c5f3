/** Limits shared by server validation and client forms. */
export const limits = {
  passwordMin: 12,
  passwordMax: 256,
  nameMax: 200,
  emailMax: 254,
  pageSizeMax: 100,
  pageSizeDefault: 25,
} as const;
