// Original file: null


export interface StringValue__Input {
  'value'?: (string);
}

export interface StringValue {
  'value': (string);
}
