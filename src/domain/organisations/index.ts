// Organisations and the boundary between them.
export { addOrganisation, listOrganisations, organisationBySlug, requireOrganisation, OrganisationInputSchema, SlugSchema, type Organisation, type OrganisationInput } from './organisations.ts';
export { dealtWithOrganisation } from './organisation-contacts.ts';
