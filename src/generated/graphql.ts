import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Community as CommunityModel, Building as BuildingModel, Household as HouseholdModel, Resident as ResidentModel, Grid as GridModel, Grid as GridWorkerModel, Staff as StaffModel, PublicSpace as PublicSpaceModel } from '../entities';
import type { Connection } from '../services/paging';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date as an ISO-8601 string, e.g. `2025-03-01`. */
  Date: { input: string; output: string; }
  /** An instant in time as an ISO-8601 string with a time zone, e.g. `2025-03-01T08:30:00Z`. */
  DateTime: { input: Date | string; output: Date | string; }
};

/** A residential building of an estate. */
export type Building = Node & {
  __typename?: 'Building';
  /** Code unique within the estate, e.g. `A3`. */
  code: Scalars['String']['output'];
  /** The estate the building belongs to. */
  community: Community;
  /** Number of floors above ground. */
  floors: Scalars['Int']['output'];
  /** The grid that looks after the building. */
  grid: Grid;
  /** Number of households in the building. */
  householdCount: Scalars['Int']['output'];
  /** The building's households ordered by unit, paged. */
  households: HouseholdConnection;
  /** Global ID. */
  id: Scalars['ID']['output'];
};


/** A residential building of an estate. */
export type BuildingHouseholdsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of buildings. */
export type BuildingConnection = {
  __typename?: 'BuildingConnection';
  /** The items of this page with their cursors. */
  edges: Array<BuildingEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One building in a paged list. */
export type BuildingEdge = {
  __typename?: 'BuildingEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The building. */
  node: Building;
};

/** A special need that qualifies a household for special care. */
export type CareNeed =
  /** A member with a chronic illness. */
  | 'CHRONIC_ILLNESS'
  /** A member with a disability. */
  | 'DISABILITY'
  /** An elderly person living alone. */
  | 'ELDERLY_LIVING_ALONE'
  /** A household on a low income. */
  | 'LOW_INCOME'
  /** Another need recorded by the steward. */
  | 'OTHER';

/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type Community = Node & {
  __typename?: 'Community';
  /** The estate's buildings ordered by code, paged. */
  buildings: BuildingConnection;
  /** Short code, unique across the operator, e.g. `LH`. Tokens list estates by this code. */
  code: Scalars['String']['output'];
  /** The administrative district the estate belongs to. */
  district: Scalars['String']['output'];
  /** Total floor area of all buildings in square metres. */
  floorAreaM2: Scalars['Int']['output'];
  /** The estate's grids, ordered by code. */
  grids: Array<Grid>;
  /** Number of households. */
  householdCount: Scalars['Int']['output'];
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** Land area in square metres. */
  landAreaM2: Scalars['Int']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** The estate's public spaces, ordered by code. Public. */
  publicSpaces: Array<PublicSpace>;
  /** Number of registered residents. */
  residentCount: Scalars['Int']['output'];
  /** Number of households with at least one care need (special-care households). */
  specialCareHouseholdCount: Scalars['Int']['output'];
  /** The estate's staff ordered by code, paged. */
  staff: StaffConnection;
};


/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type CommunityBuildingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type CommunityStaffArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of estates. */
export type CommunityConnection = {
  __typename?: 'CommunityConnection';
  /** The items of this page with their cursors. */
  edges: Array<CommunityEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One estate in a paged list. */
export type CommunityEdge = {
  __typename?: 'CommunityEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The estate. */
  node: Community;
};

/**
 * A grid: a cluster of buildings looked after by a steward and a "1+3" squad
 * (steward plus security, cleaning and maintenance), paired with a community
 * grid worker.
 */
export type Grid = Node & {
  __typename?: 'Grid';
  /** The buildings in this grid, ordered by code. */
  buildings: Array<Building>;
  /** Code unique within the estate, e.g. `G03`. */
  code: Scalars['String']['output'];
  /** The estate the grid belongs to. */
  community: Community;
  /** The community grid worker paired with this grid (not on the operator's staff). */
  gridWorker: GridWorker;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** The squad: every member of staff assigned to this grid, steward first. */
  squad: Array<Staff>;
  /** The grid's steward; null while the post is vacant. */
  steward?: Maybe<Staff>;
};

/** The community grid worker paired with a grid: an outside person, not staff. */
export type GridWorker = {
  __typename?: 'GridWorker';
  /** Full name. */
  name: Scalars['String']['output'];
  /** Phone number; only for staff roles of the estate (FORBIDDEN otherwise). */
  phone: Scalars['String']['output'];
};

/**
 * A household living in one unit of a building. Its unit and care needs are
 * personal data: visible to staff roles of the estate and to the household's own
 * residents, never to DISTRICT or INTEGRATOR tokens.
 */
export type Household = Node & {
  __typename?: 'Household';
  /** The building the household lives in. */
  building: Building;
  /** Care needs; empty when there are none (personal data). */
  careNeeds: Array<CareNeed>;
  /** The estate the household belongs to. */
  community: Community;
  /** The floor the unit is on. */
  floor: Scalars['Int']['output'];
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** The household's residents. */
  residents: Array<Resident>;
  /** True when the household has at least one care need. Not personal data: dashboards may count it. */
  specialCare: Scalars['Boolean']['output'];
  /** The unit number within the building, e.g. `1203` (personal data). */
  unit: Scalars['String']['output'];
};

/** A page of households. */
export type HouseholdConnection = {
  __typename?: 'HouseholdConnection';
  /** The items of this page with their cursors. */
  edges: Array<HouseholdEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One household in a paged list. */
export type HouseholdEdge = {
  __typename?: 'HouseholdEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The household. */
  node: Household;
};

/** An object with an opaque global ID that `node(id:)` can fetch again. */
export type Node = {
  /** The object's global ID: opaque, stable, and unique across every type. */
  id: Scalars['ID']['output'];
};

/** Where a page of a connection sits in the whole list (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of this page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page (paging forward with `first`/`after`). */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items come before this page (paging backward with `last`/`before`, or after a cursor). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of this page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A shared space of an estate. Public: visible without a token. */
export type PublicSpace = Node & {
  __typename?: 'PublicSpace';
  /** True when it is barrier-free (wheelchair accessible). */
  accessible: Scalars['Boolean']['output'];
  /** How many people it holds. */
  capacity: Scalars['Int']['output'];
  /** Code unique within the estate, e.g. `PS03`. */
  code: Scalars['String']['output'];
  /** The estate it belongs to. */
  community: Community;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** What kind of space it is. */
  kind: PublicSpaceKind;
  /** Display name. */
  name: Scalars['String']['output'];
  /** Whether it can be used now. */
  status: PublicSpaceStatus;
};

/** What kind of public space it is. */
export type PublicSpaceKind =
  /** A room for residents' activities and classes. */
  | 'ACTIVITY_ROOM'
  /** A shared laundry drying area. */
  | 'DRYING_AREA'
  /** A lounge on an elevated (stilted) ground floor. */
  | 'ELEVATED_FLOOR_LOUNGE'
  /** A garden. */
  | 'GARDEN'
  /** A room for meetings of residents or staff. */
  | 'MEETING_ROOM'
  /** A pavilion. */
  | 'PAVILION'
  /** A children's playground. */
  | 'PLAYGROUND'
  /** The estate's service station (front desk). */
  | 'SERVICE_STATION'
  /** A sports court or fitness area. */
  | 'SPORTS_AREA';

/** Whether a public space can be used. */
export type PublicSpaceStatus =
  /** Closed. */
  | 'CLOSED'
  /** Open for use. */
  | 'OPEN'
  /** Temporarily closed for works. */
  | 'UNDER_RENOVATION';

/** The entry points for reading the estate graph. */
export type Query = {
  __typename?: 'Query';
  /** Every estate the operator runs, ordered by code, paged. */
  communities: CommunityConnection;
  /** An estate by its code, e.g. `LH`. Null with a NOT_FOUND error when no estate has that code. */
  community?: Maybe<Community>;
  /** Fetches any object by its global ID. Null with a NOT_FOUND error when it does not exist or is outside the viewer's estates. */
  node?: Maybe<Node>;
  /** Fetches several objects by global ID, in the order given; each missing or hidden one is null with its own error. */
  nodes: Array<Maybe<Node>>;
};


/** The entry points for reading the estate graph. */
export type QueryCommunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading the estate graph. */
export type QueryCommunityArgs = {
  code: Scalars['String']['input'];
};


/** The entry points for reading the estate graph. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading the estate graph. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};

/** A person living in a household. Name and phone are personal data. */
export type Resident = Node & {
  __typename?: 'Resident';
  /** The resident's household. */
  household: Household;
  /** Global ID. A RESIDENT token's `sub` is this ID. */
  id: Scalars['ID']['output'];
  /** Full name (personal data). */
  name: Scalars['String']['output'];
  /** Mobile phone number (personal data). */
  phone: Scalars['String']['output'];
};

/** A member of the operator's staff in one estate. */
export type Staff = Node & {
  __typename?: 'Staff';
  /** Employee code unique within the estate, e.g. `LH-S0001`. */
  code: Scalars['String']['output'];
  /** The estate they work in. */
  community: Community;
  /** The grid whose squad they belong to; null for estate-level staff. */
  grid?: Maybe<Grid>;
  /** Global ID. A STAFF, DISPATCHER or MANAGER token's `sub` is this ID. */
  id: Scalars['ID']['output'];
  /** Full name. */
  name: Scalars['String']['output'];
  /** Whether they are on duty now. */
  onDuty: Scalars['Boolean']['output'];
  /** Work phone; only for staff roles of the estate (FORBIDDEN otherwise). */
  phone: Scalars['String']['output'];
  /** What the member of staff does. */
  role: StaffRole;
};

/** A page of staff. */
export type StaffConnection = {
  __typename?: 'StaffConnection';
  /** The items of this page with their cursors. */
  edges: Array<StaffEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One member of staff in a paged list. */
export type StaffEdge = {
  __typename?: 'StaffEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The member of staff. */
  node: Staff;
};

/** What a member of staff does. */
export type StaffRole =
  /** Cleaner of a squad or the estate. */
  | 'CLEANING'
  /** Works the 24-hour hotline and dispatch desk. */
  | 'DISPATCHER'
  /** Maintenance technician of a squad or the estate. */
  | 'MAINTENANCE'
  /** Estate manager. */
  | 'MANAGER'
  /** Security guard of a squad or the estate. */
  | 'SECURITY'
  /** Leads a grid and its 1+3 squad. */
  | 'STEWARD';



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( BuildingModel )
    | ( CommunityModel )
    | ( GridModel )
    | ( HouseholdModel )
    | ( PublicSpaceModel )
    | ( ResidentModel )
    | ( StaffModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Building: ResolverTypeWrapper<BuildingModel>;
  BuildingConnection: ResolverTypeWrapper<Connection>;
  BuildingEdge: ResolverTypeWrapper<Omit<BuildingEdge, 'node'> & { node: ResolversTypes['Building'] }>;
  CareNeed: CareNeed;
  Community: ResolverTypeWrapper<CommunityModel>;
  CommunityConnection: ResolverTypeWrapper<Connection>;
  CommunityEdge: ResolverTypeWrapper<Omit<CommunityEdge, 'node'> & { node: ResolversTypes['Community'] }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Grid: ResolverTypeWrapper<GridModel>;
  GridWorker: ResolverTypeWrapper<GridWorkerModel>;
  Household: ResolverTypeWrapper<HouseholdModel>;
  HouseholdConnection: ResolverTypeWrapper<Connection>;
  HouseholdEdge: ResolverTypeWrapper<Omit<HouseholdEdge, 'node'> & { node: ResolversTypes['Household'] }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PublicSpace: ResolverTypeWrapper<PublicSpaceModel>;
  PublicSpaceKind: PublicSpaceKind;
  PublicSpaceStatus: PublicSpaceStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Resident: ResolverTypeWrapper<ResidentModel>;
  Staff: ResolverTypeWrapper<StaffModel>;
  StaffConnection: ResolverTypeWrapper<Connection>;
  StaffEdge: ResolverTypeWrapper<Omit<StaffEdge, 'node'> & { node: ResolversTypes['Staff'] }>;
  StaffRole: StaffRole;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  Building: BuildingModel;
  BuildingConnection: Connection;
  BuildingEdge: Omit<BuildingEdge, 'node'> & { node: ResolversParentTypes['Building'] };
  Community: CommunityModel;
  CommunityConnection: Connection;
  CommunityEdge: Omit<CommunityEdge, 'node'> & { node: ResolversParentTypes['Community'] };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Grid: GridModel;
  GridWorker: GridWorkerModel;
  Household: HouseholdModel;
  HouseholdConnection: Connection;
  HouseholdEdge: Omit<HouseholdEdge, 'node'> & { node: ResolversParentTypes['Household'] };
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  PublicSpace: PublicSpaceModel;
  Query: Record<PropertyKey, never>;
  Resident: ResidentModel;
  Staff: StaffModel;
  StaffConnection: Connection;
  StaffEdge: Omit<StaffEdge, 'node'> & { node: ResolversParentTypes['Staff'] };
  String: Scalars['String']['output'];
};

export type BuildingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Building'] = ResolversParentTypes['Building']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  floors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grid?: Resolver<ResolversTypes['Grid'], ParentType, ContextType>;
  householdCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  households?: Resolver<ResolversTypes['HouseholdConnection'], ParentType, ContextType, Partial<BuildingHouseholdsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BuildingConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BuildingConnection'] = ResolversParentTypes['BuildingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['BuildingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BuildingEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BuildingEdge'] = ResolversParentTypes['BuildingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Building'], ParentType, ContextType>;
};

export type CommunityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Community'] = ResolversParentTypes['Community']> = {
  buildings?: Resolver<ResolversTypes['BuildingConnection'], ParentType, ContextType, Partial<CommunityBuildingsArgs>>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  district?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  floorAreaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grids?: Resolver<Array<ResolversTypes['Grid']>, ParentType, ContextType>;
  householdCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  landAreaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publicSpaces?: Resolver<Array<ResolversTypes['PublicSpace']>, ParentType, ContextType>;
  residentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  specialCareHouseholdCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  staff?: Resolver<ResolversTypes['StaffConnection'], ParentType, ContextType, Partial<CommunityStaffArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CommunityConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityConnection'] = ResolversParentTypes['CommunityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CommunityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CommunityEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityEdge'] = ResolversParentTypes['CommunityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type GridResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Grid'] = ResolversParentTypes['Grid']> = {
  buildings?: Resolver<Array<ResolversTypes['Building']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  gridWorker?: Resolver<ResolversTypes['GridWorker'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  squad?: Resolver<Array<ResolversTypes['Staff']>, ParentType, ContextType>;
  steward?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type GridWorkerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GridWorker'] = ResolversParentTypes['GridWorker']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HouseholdResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Household'] = ResolversParentTypes['Household']> = {
  building?: Resolver<ResolversTypes['Building'], ParentType, ContextType>;
  careNeeds?: Resolver<Array<ResolversTypes['CareNeed']>, ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  floor?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  residents?: Resolver<Array<ResolversTypes['Resident']>, ParentType, ContextType>;
  specialCare?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HouseholdConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HouseholdConnection'] = ResolversParentTypes['HouseholdConnection']> = {
  edges?: Resolver<Array<ResolversTypes['HouseholdEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HouseholdEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HouseholdEdge'] = ResolversParentTypes['HouseholdEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Household'], ParentType, ContextType>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Building' | 'Community' | 'Grid' | 'Household' | 'PublicSpace' | 'Resident' | 'Staff', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PublicSpaceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PublicSpace'] = ResolversParentTypes['PublicSpace']> = {
  accessible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PublicSpaceKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicSpaceStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  communities?: Resolver<ResolversTypes['CommunityConnection'], ParentType, ContextType, Partial<QueryCommunitiesArgs>>;
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType, RequireFields<QueryCommunityArgs, 'code'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
};

export type ResidentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Resident'] = ResolversParentTypes['Resident']> = {
  household?: Resolver<ResolversTypes['Household'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StaffResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Staff'] = ResolversParentTypes['Staff']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  grid?: Resolver<Maybe<ResolversTypes['Grid']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onDuty?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['StaffRole'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StaffConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StaffConnection'] = ResolversParentTypes['StaffConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StaffEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StaffEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StaffEdge'] = ResolversParentTypes['StaffEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Staff'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Building?: BuildingResolvers<ContextType>;
  BuildingConnection?: BuildingConnectionResolvers<ContextType>;
  BuildingEdge?: BuildingEdgeResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  CommunityConnection?: CommunityConnectionResolvers<ContextType>;
  CommunityEdge?: CommunityEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Grid?: GridResolvers<ContextType>;
  GridWorker?: GridWorkerResolvers<ContextType>;
  Household?: HouseholdResolvers<ContextType>;
  HouseholdConnection?: HouseholdConnectionResolvers<ContextType>;
  HouseholdEdge?: HouseholdEdgeResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PublicSpace?: PublicSpaceResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Resident?: ResidentResolvers<ContextType>;
  Staff?: StaffResolvers<ContextType>;
  StaffConnection?: StaffConnectionResolvers<ContextType>;
  StaffEdge?: StaffEdgeResolvers<ContextType>;
};

