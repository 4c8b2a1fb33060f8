import { GraphQLError, Kind, OperationTypeNode, TypeInfo, validate, visit, visitWithTypeInfo } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';

// The arguments that size a connection (Relay's `first` and `last`).
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

/** Each figure measured, the variable that sets its limit and how a refusal words it. */
const LIMITS = [
  { figure: 'cost', limit: 'maxCost', variable: 'GRAPHQL_MAX_COST', wording: 'Cost limit' },
  { figure: 'aliases', limit: 'maxAliases', variable: 'GRAPHQL_MAX_ALIASES', wording: 'Aliases limit' },
  { figure: 'directives', limit: 'maxDirectives', variable: 'GRAPHQL_MAX_DIRECTIVES', wording: 'Directives limit' },
  { figure: 'mutationFields', limit: 'maxMutationFields', variable: 'GRAPHQL_MAX_MUTATION_FIELDS', wording: 'Mutation root fields limit' },
];

/**
 * The document as armor's cost rule should see it. Armor multiplies a connection's cost by its
 * page size only when `first`/`last` is an integer literal, so a variable is replaced by its value
 * and an omitted page size by the subgraphs' default: `first: $n` cannot make a page look small.
 */
export function withPageSizes(schema, document, variables, defaultListSize) {
  const typeInfo = new TypeInfo(schema);
  return visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const takesPageSize = typeInfo.getFieldDef()?.args.some((arg) => PAGE_SIZE_ARGUMENTS.has(arg.name));
      if (!takesPageSize) return undefined;
      let size = defaultListSize;
      for (const argument of node.arguments ?? []) {
        if (!PAGE_SIZE_ARGUMENTS.has(argument.name.value)) continue;
        const value = argument.value.kind === Kind.VARIABLE ? variables?.[argument.value.name.value] : Number(argument.value.value);
        if (Number.isFinite(value)) size = Math.max(1, Math.trunc(value));
      }
      const others = (node.arguments ?? []).filter((argument) => !PAGE_SIZE_ARGUMENTS.has(argument.name.value));
      const first = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: { kind: Kind.INT, value: String(size) } };
      return { ...node, arguments: [first, ...others] };
    },
  }));
}

/** Root fields of the document's mutations (fragments at the root counted by their fields). */
function mutationFieldsRule(onCount) {
  return (context) => {
    function count(selectionSet) {
      let fields = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) fields += selection.name.value === '__typename' ? 0 : 1;
        else if (selection.kind === Kind.INLINE_FRAGMENT) fields += count(selection.selectionSet);
        else {
          const fragment = context.getFragment(selection.name.value);
          if (fragment) fields += count(fragment.selectionSet);
        }
      }
      return fields;
    }
    return {
      OperationDefinition(operation) {
        onCount(operation.operation === OperationTypeNode.MUTATION ? count(operation.selectionSet) : 0);
      },
    };
  };
}

/** The variables a document passes as a page size, in document order. */
function pageSizeVariables(document) {
  const names = new Set();
  visit(document, {
    Argument(node) {
      if (PAGE_SIZE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names];
}

function measure(schema, document, variables, defaultListSize) {
  const figures = { cost: 0, aliases: 0, directives: 0, mutationFields: 0 };
  const keep = (figure) => [(_context, { n }) => { figures[figure] = Math.max(figures[figure], n); }];
  const errors = validate(schema, withPageSizes(schema, document, variables, defaultListSize), [
    costLimitRule({ maxCost: Infinity, ignoreIntrospection: false, flattenFragments: true, onAccept: keep('cost') }),
    maxAliasesRule({ n: Infinity, onAccept: keep('aliases') }),
    maxDirectivesRule({ n: Infinity, onAccept: keep('directives') }),
    mutationFieldsRule((n) => { figures.mutationFields = Math.max(figures.mutationFields, n); }),
  ]);
  if (errors.length > 0) throw errors[0];
  figures.cost = Math.ceil(figures.cost);
  return Object.freeze(figures);
}

// Figures per schema and parsed document (Yoga hands out one parsed document per query text), then
// per value of the page-size variables: a repeated operation is measured once, not per request.
const measured = new WeakMap();
const MAX_PAGE_SIZES_KEPT = 128;

/**
 * What an operation would cost, measured by graphql-armor's rules (the largest over the document's
 * operations): `cost` by armor's cost model (objects 2, scalars 1, ×1.5 per level, × page size,
 * introspection included), `aliases`, `directives`, and the root fields of a mutation.
 */
export function measureOperation(schema, document, variables, limits) {
  let byDocument = measured.get(schema);
  if (!byDocument) measured.set(schema, byDocument = new WeakMap());
  let entry = byDocument.get(document);
  if (!entry) byDocument.set(document, entry = { pageVariables: pageSizeVariables(document), figures: new Map() });
  const key = [limits.defaultListSize, ...entry.pageVariables.map((name) => JSON.stringify(variables?.[name] ?? null))].join(',');
  let figures = entry.figures.get(key);
  if (!figures) {
    figures = measure(schema, document, variables, limits.defaultListSize);
    if (entry.figures.size >= MAX_PAGE_SIZES_KEPT) entry.figures.delete(entry.figures.keys().next().value);
    entry.figures.set(key, figures);
  }
  return figures;
}

/** The refusals for the figures over their limits (none when all are within). */
export function refusals(figures, limits) {
  return LIMITS.filter(({ figure, limit }) => figures[figure] > limits[limit]).map(({ figure, limit, variable, wording }) => new GraphQLError(
    `${wording} of ${limits[limit]} exceeded, found ${figures[figure]}.`,
    // The status is set here: Yoga gives validation errors their 400 before this plugin adds its own.
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: variable, max: limits[limit], found: figures[figure], http: { status: 400 } } },
  ));
}

/**
 * Refuses, before anything runs, an operation over a cost, alias, directive or mutation-field
 * limit, with a validation error naming the limit and the figure. Checked per request after
 * validation passed (validation results are cached per document; a cost depends on variables).
 */
export function useOperationLimits(limits) {
  return {
    onValidate({ params, context }) {
      return ({ valid, setResult }) => {
        if (!valid) return;
        const errors = refusals(measureOperation(params.schema, params.documentAST, context?.params?.variables, limits), limits);
        if (errors.length > 0) setResult(errors);
      };
    },
  };
}
