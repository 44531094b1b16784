// Declares the SDK's custom matchers, such as toMatchGraphObjectSchema, which
// the dev-tools jest setup registers at run time.
import '@jupiterone/integration-sdk-testing/dist/src/jest';
