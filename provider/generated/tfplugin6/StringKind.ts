// Original file: provider/proto/tfplugin6/tfplugin6.proto

export const StringKind = {
  PLAIN: 'PLAIN',
  MARKDOWN: 'MARKDOWN',
} as const;

export type StringKind__Input =
  | 'PLAIN'
  | 0
  | 'MARKDOWN'
  | 1

export type StringKind = typeof StringKind[keyof typeof StringKind]
