import { contactGraphql } from '../modules/contacts/graphql';
import type { GraphqlModule } from '../plugins/graphql';

/** Every GraphQL module; a new resource adds one line here. */
export const graphqlModules: GraphqlModule[] = [contactGraphql];
