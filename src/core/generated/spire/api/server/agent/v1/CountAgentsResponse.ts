// Original file: src/core/proto/spire/api/server/agent/v1/agent.proto


export interface CountAgentsResponse__Input {
  'count'?: (number);
}

export interface CountAgentsResponse {
  'count': (number);
}
