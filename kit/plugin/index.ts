export * from './definePlugin';
export * from './provideGatewayNeeds';
export * from './describePluginSettings';
export * from './pluginWebCardsModule';
