using Shop.GraphQL.Relay;
using Shop.Products.Data;

namespace Shop.Products.GraphQL;

public sealed class ProductConnectionType() : ConnectionGraphType<ProductType, Product>("Product");
