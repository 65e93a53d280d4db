// Original file: null

export const NullValue = {
  NULL_VALUE: 'NULL_VALUE',
} as const;

export type NullValue__Input =
  | 'NULL_VALUE'
  | 0

export type NullValue = typeof NullValue[keyof typeof NullValue]
