export * from './parts';
export { CIRCLE_VERSIONS, type Circle, type CirclePart, type CircleQuestion, type CircleVersion, isCircleVersion } from './versions';
export * from './circles';
export * from './circle-for';
export * from './meeting-rights';
export * from './meeting-mode';
