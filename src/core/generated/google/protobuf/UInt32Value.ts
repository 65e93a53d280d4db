// Original file: null


export interface UInt32Value__Input {
  'value'?: (number);
}

export interface UInt32Value {
  'value': (number);
}
