// Original file: null


export interface BoolValue__Input {
  'value'?: (boolean);
}

export interface BoolValue {
  'value': (boolean);
}
