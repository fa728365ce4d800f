import { consumerGroupsOf } from '../../src/operations';

describe('Whose dead letters a service archives', () => {
  it('When order-service asks, then it gets its own group and the data-platform delivery group', () => {
    expect(consumerGroupsOf('order-service')).toEqual(['order-service', 'order-service-data-platform']);
  });

  it('When any other service asks, then it gets only its own group', () => {
    expect(consumerGroupsOf('catalog-service')).toEqual(['catalog-service']);
  });
});
