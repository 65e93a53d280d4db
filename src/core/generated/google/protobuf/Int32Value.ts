// Original file: null


export interface Int32Value__Input {
  'value'?: (number);
}

export interface Int32Value {
  'value': (number);
}
