export * from './definePlugin';
export * from './provideGatewayNeeds';
