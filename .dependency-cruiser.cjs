/**
 * The layers of src/ (README "Layers"): each imports only from the layers below it.
 * domain and i18n are pure; services are in layers platform < access < cases < photos < intake <
 * {public, documents, reports} < jobs; ui and the entry barrel sit on top.
 */
const SERVICES = 'src/services';
const ORDER = ['platform', 'access', 'cases', 'photos', 'intake', 'public|documents|reports', 'jobs'];

const upward = ORDER.map((layer, i) => ({
  name: `services-${layer.replace(/\|/g, '-')}-not-upward`,
  comment: `services/${layer} may import only the service layers below it`,
  severity: 'error',
  from: { path: `^${SERVICES}/(${layer})/` },
  to: { path: `^${SERVICES}/(${ORDER.slice(i + 1).join('|') || '$^'})/` },
})).filter((rule) => !rule.to.path.includes('$^'));

const consumers = ['public', 'documents', 'reports'].map((name) => ({
  name: `services-${name}-not-sibling`,
  comment: 'public, documents and reports consume cases, never each other',
  severity: 'error',
  from: { path: `^${SERVICES}/${name}/` },
  to: { path: `^${SERVICES}/(${['public', 'documents', 'reports'].filter((n) => n !== name).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'a circle makes two modules one without saying so',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ knows nothing of services, pages or entry points',
      severity: 'error',
      from: { path: '^src/(domain|i18n)/' },
      to: { path: '^src/(services|ui|server)/' },
    },
    {
      name: 'i18n-is-a-leaf',
      comment: 'messages import nothing but other messages',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^src/(domain|services|ui|server)/' },
    },
    {
      name: 'services-not-ui',
      comment: 'services never reach up into the pages or the entry barrel',
      severity: 'error',
      from: { path: `^${SERVICES}/` },
      to: { path: '^src/(ui|server)/' },
    },
    {
      name: 'client-not-server',
      comment: 'the page code runs in the browser: it may share pure domain code, never services',
      severity: 'error',
      from: { path: '^src/ui/client/' },
      // Types of the server functions it calls are shared (they vanish from the bundle).
      to: { path: '^src/(services|server|ui/server)/', dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'mailbox-only-domain',
      comment: 'the official mailbox is another Apps Script project: it shares only the pure domain code',
      severity: 'error',
      from: { path: '^src/mailbox/' },
      to: { path: '^src/(services|ui|server|i18n)/' },
    },
    {
      name: 'nothing-imports-mailbox',
      comment: 'src/mailbox is bundled into its own project, never into the add-on',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/mailbox/' },
      to: { path: '^src/mailbox/' },
    },
    ...upward,
    ...consumers,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
