// Test helper: deal details for the metrics tests.
import type { DealDetails } from '../../../src/core/deal/deal';

export const DEFAULT_DEAL: DealDetails = {
  seller: 'Sam Lee',
  theirCompany: 'Globex',
  dealType: 'standard',
  stage: 'post-demo',
  annualContractValue: 85000,
  currency: 'USD',
  crm: null,
  outcome: 'open',
  closedOn: null,
};
