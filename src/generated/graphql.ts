import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Community as CommunityModel, Building as BuildingModel, Household as HouseholdModel, Resident as ResidentModel, Grid as GridModel, Grid as GridWorkerModel, Staff as StaffModel, PublicSpace as PublicSpaceModel, Ticket as TicketModel, Ticket as TicketRatingModel, TicketEvent as TicketEventModel, TicketEvent as TicketActorModel, Dispatch as DispatchModel, DispatchUnit as DispatchUnitModel, DispatchEvent as DispatchEventModel, SatisfactionSurvey as SatisfactionSurveyModel, OpeningHours as OpeningHoursModel, Booking as BookingModel, BookingChange as BookingChangeModel, ResidentGroup as ResidentGroupModel, GroupMember as GroupMemberModel, CommunityEvent as CommunityEventModel, EventRegistration as EventRegistrationModel, CommunityEventChange as CommunityEventChangeModel, CarePlan as CarePlanModel, CareVisit as CareVisitModel, CareEvent as CareEventModel, PatrolRoute as PatrolRouteModel, PatrolCheckpoint as PatrolCheckpointModel, PatrolRun as PatrolRunModel, PatrolPass as PatrolPassModel, PatrolAnomaly as PatrolAnomalyModel, Drill as DrillModel, ResidentOrganisation as ResidentOrganisationModel, OrganisationContact as OrganisationContactModel, ReceptionMember as ReceptionMemberModel, LiaisonMeeting as LiaisonMeetingModel, TicketEscalation as TicketEscalationModel } from '../entities';
import type { Connection } from '../services/paging';
import type { Viewer as ViewerModel } from '../access/viewer';
import type { SatisfactionBucket, RecordedSurvey } from '../services/satisfaction';
import type { Figures, SpaceUtilisationRow, EventAttendanceRow, GroupMembershipRow } from '../services/community-figures';
import type { DrillDue as DrillDueModel } from '../services/drills';
import type { FiguresScope as FiguresScopeModel } from '../services/figures';
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
  Date: { input: Date | string; output: string; }
  /** An instant in time as an ISO-8601 string with a time zone, e.g. `2025-03-01T08:30:00Z`. */
  DateTime: { input: Date | string; output: Date | string; }
};

/** Add a member to the estate's reception team. */
export type AddReceptionMemberInput = {
  /** The estate (code). */
  communityCode: Scalars['String']['input'];
  /** Full name, 1–60 characters. */
  name: Scalars['String']['input'];
  /** Work phone, 5–20 digits (a leading + allowed). */
  phone: Scalars['String']['input'];
  /** Their post on the team. */
  post: ReceptionRole;
  /** The member of staff, when they are one. */
  staffId?: InputMaybe<Scalars['ID']['input']>;
};

/** Add a residents' organisation with its contact people. */
export type AddResidentOrganisationInput = {
  /** The estate (code). */
  communityCode: Scalars['String']['input'];
  /** Its contact people, at most 10. */
  contacts: Array<OrganisationContactInput>;
  /** What kind it is. */
  kind: OrganisationKind;
  /** The member of staff paired with it (same estate). */
  liaisonId: Scalars['ID']['input'];
  /** Its name, 1–120 characters, unique within the estate. */
  name: Scalars['String']['input'];
};

/** Give a ticket to a member of staff of its estate. */
export type AssignTicketInput = {
  /** The member of staff (same estate). */
  assigneeId: Scalars['ID']['input'];
  /** The version you last saw; when it is stale: VERSION_CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** A note for the timeline, at most 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The ticket. */
  ticketId: Scalars['ID']['input'];
};

/** Book a public space. */
export type BookSpaceInput = {
  /** How many people are expected: 1 to the space's capacity. */
  attendees: Scalars['Int']['input'];
  /** Until this instant (exclusive); inside the same opening interval as `startsAt`, and for residents at most `maxBookingMinutes` after it. */
  endsAt: Scalars['DateTime']['input'];
  /** What it is for, 1–200 characters. Personal: only staff and your household see it. */
  purpose: Scalars['String']['input'];
  /** The space. */
  spaceId: Scalars['ID']['input'];
  /** From this instant; for residents at least the space's `minLeadMinutes` from now and at most `maxAdvanceDays` ahead. */
  startsAt: Scalars['DateTime']['input'];
};

/**
 * A public space held for a time range. Two confirmed bookings of one space
 * never overlap (the database refuses the second: SPACE_UNAVAILABLE). Residents
 * book for themselves, staff for estate events. Every token of the estate sees
 * the slot; who booked and why only staff and the booker's household.
 */
export type Booking = Node & {
  __typename?: 'Booking';
  /** How many people are expected; at most the space's capacity. */
  attendees: Scalars['Int']['output'];
  /** When it was made. */
  bookedAt: Scalars['DateTime']['output'];
  /** The member of staff who booked it for the estate; null for a resident's booking. */
  bookedBy?: Maybe<Staff>;
  /** The resident who booked; null for an estate booking. Personal: other residents see a busy slot, not who holds it. */
  booker?: Maybe<Resident>;
  /** When it was cancelled. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** What happened to it, oldest first. */
  changes: Array<BookingChange>;
  /** The estate. */
  community: Community;
  /** Until this instant (exclusive): the next booking may start exactly then. */
  endsAt: Scalars['DateTime']['output'];
  /** The event it holds the space for, if any. */
  event?: Maybe<CommunityEvent>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** What it is for, as the booker wrote it. Personal, like the booker. */
  purpose?: Maybe<Scalars['String']['output']>;
  /** The space. */
  space: PublicSpace;
  /** From this instant. */
  startsAt: Scalars['DateTime']['output'];
  /** Whether it holds the slot. */
  status: BookingStatus;
};

/** One change of a booking, as the live stream and its history show it. Changes are never altered or removed. */
export type BookingChange = CommunityLifeChange & {
  __typename?: 'BookingChange';
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** The booking as it is now. */
  booking: Booking;
  /** Position in the live event stream: pass it as `after` to resume right after this change. Null for history recorded before the stream existed. */
  cursor?: Maybe<Scalars['String']['output']>;
  /** Stable ID of the change. */
  id: Scalars['ID']['output'];
  /** What happened. */
  type: BookingChangeType;
};

/** What happened to a booking. */
export type BookingChangeType =
  /** It was made. */
  | 'BOOKED'
  /** It was cancelled. */
  | 'CANCELLED';

/** A page of bookings. */
export type BookingConnection = {
  __typename?: 'BookingConnection';
  /** The items of this page with their cursors. */
  edges: Array<BookingEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One booking in a paged list. */
export type BookingEdge = {
  __typename?: 'BookingEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The booking. */
  node: Booking;
};

/** A booking after a change. */
export type BookingPayload = {
  __typename?: 'BookingPayload';
  /** The booking as it is now. */
  booking: Booking;
  /** The stream position of the change: subscribe to `communityLifeChanges(after: cursor)` to follow from exactly here. */
  cursor?: Maybe<Scalars['String']['output']>;
};

/** Whether a booking holds its slot. */
export type BookingStatus =
  /** Cancelled: the slot is free again. */
  | 'CANCELLED'
  /** The space is held for this time. */
  | 'CONFIRMED';

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
  /**
   * The building's households, paged: ordered by unit for staff roles, by
   * registration for everyone else, so that neither the order nor a cursor tells
   * a flat number to a viewer who may not read it.
   */
  households: HouseholdConnection;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** The building's tickets (including its households'), newest first, paged. */
  tickets: TicketConnection;
};


/** A residential building of an estate. */
export type BuildingHouseholdsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A residential building of an estate. */
export type BuildingTicketsArgs = {
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

/** Cancel a booking. */
export type CancelBookingInput = {
  /** The booking. */
  bookingId: Scalars['ID']['input'];
};

/** Call off an event. */
export type CancelEventInput = {
  /** The event. */
  eventId: Scalars['ID']['input'];
};

/** One change of a care visit. Events are never changed or removed. */
export type CareEvent = {
  __typename?: 'CareEvent';
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** Position in the live event stream: pass it as `after` to resume right after this event. Null for history recorded before the stream existed. */
  cursor?: Maybe<Scalars['String']['output']>;
  /** Stable ID of the event. */
  id: Scalars['ID']['output'];
  /** Who recorded an outcome; null for what the schedule did itself. */
  staff?: Maybe<Staff>;
  /** What happened. */
  type: CareEventType;
  /** The visit. */
  visit: CareVisit;
};

/** What happened to a care visit. */
export type CareEventType =
  /** Staff recorded that the visit was made. */
  | 'DONE'
  /** It fell due: its CARE ticket was raised for the grid's steward. */
  | 'DUE'
  /** Staff recorded that nobody was home. */
  | 'NOBODY_HOME'
  /** Its deadline passed with no outcome recorded. */
  | 'OVERDUE'
  /** Staff recorded that the household turned it down. */
  | 'REFUSED';

/** Care visits that fell due in a period. */
export type CareFigures = {
  __typename?: 'CareFigures';
  /** Visits made (DONE). */
  done: Scalars['Int']['output'];
  /** Visits made by their deadline. */
  doneOnTime: Scalars['Int']['output'];
  /** Visits that fell due. */
  due: Scalars['Int']['output'];
  /** Visits where nobody was home. */
  nobodyHome: Scalars['Int']['output'];
  /** Made on time, of the visits whose deadline has passed or that have an outcome; null when there are none. */
  onTimeShare?: Maybe<Scalars['Float']['output']>;
  /** Visits with no outcome yet. */
  open: Scalars['Int']['output'];
  /** Visits marked overdue (no outcome by the deadline). */
  overdue: Scalars['Int']['output'];
  /** Visits the household turned down. */
  refused: Scalars['Int']['output'];
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

/** What staff found when they made a care visit. */
export type CareOutcome =
  /** The visit was made. */
  | 'DONE'
  /** Nobody answered: the visit falls due again the next day. */
  | 'NOBODY_HOME'
  /** The household turned the visit down. */
  | 'REFUSED';

/**
 * One kind of care visit a special-care household gets, and how often: the
 * household's care schedule. Visible to staff of the estate and to the
 * household's own residents; DISTRICT and INTEGRATOR tokens count visits in the
 * estate's figures and never read a plan.
 */
export type CarePlan = Node & {
  __typename?: 'CarePlan';
  /** False once the plan was ended: no more visits fall due. */
  active: Scalars['Boolean']['output'];
  /** A visit falls due every this many days (after the last one's due time). */
  everyDays: Scalars['Int']['output'];
  /** The household. */
  household?: Maybe<Household>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** What the visits are for. */
  kind: CareVisitKind;
  /** When the next visit falls due; null while a visit is open (the schedule moves on when its outcome is recorded) or the plan has ended. */
  nextDueAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the household gets these visits, in the steward's words. */
  note?: Maybe<Scalars['String']['output']>;
  /** The plan's visits, newest first, paged. */
  visits: CareVisitConnection;
};


/**
 * One kind of care visit a special-care household gets, and how often: the
 * household's care schedule. Visible to staff of the estate and to the
 * household's own residents; DISTRICT and INTEGRATOR tokens count visits in the
 * estate's figures and never read a plan.
 */
export type CarePlanVisitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** The plan after a change. */
export type CarePlanPayload = {
  __typename?: 'CarePlanPayload';
  /** The plan as it is now. */
  plan: CarePlan;
};

/**
 * One care visit. It falls due (a CARE ticket is raised for the grid's
 * steward), must have an outcome by its deadline (else it is marked overdue,
 * once, as an OVERDUE care event), and moves the schedule on when staff record
 * the outcome.
 */
export type CareVisit = Node & {
  __typename?: 'CareVisit';
  /** Record the outcome by then. */
  deadlineAt: Scalars['DateTime']['output'];
  /** True when it was made (DONE) by its deadline; false when made late or not made; null while open and within the deadline. */
  doneOnTime?: Maybe<Scalars['Boolean']['output']>;
  /** When it fell due. */
  dueAt: Scalars['DateTime']['output'];
  /** What happened to it, oldest first. */
  events: Array<CareEvent>;
  /** The household. */
  household?: Maybe<Household>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** What the visit is for. */
  kind: CareVisitKind;
  /** What staff found; null while it is open. */
  outcome?: Maybe<CareOutcome>;
  /** The note staff left with the outcome. */
  outcomeNote?: Maybe<Scalars['String']['output']>;
  /** True when no outcome was recorded by the deadline (whether recorded since or not). */
  overdue: Scalars['Boolean']['output'];
  /** When it was marked overdue. */
  overdueAt?: Maybe<Scalars['DateTime']['output']>;
  /** The plan it belongs to. */
  plan: CarePlan;
  /** When the outcome was recorded. */
  recordedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who recorded it. */
  recordedBy?: Maybe<Staff>;
  /** The grid's steward when it fell due (the ticket's assignee). */
  steward?: Maybe<Staff>;
  /** The CARE ticket raised when it fell due; null for history that predates the schedule's tickets. */
  ticket?: Maybe<Ticket>;
};

/** A page of care visits, newest due first. */
export type CareVisitConnection = {
  __typename?: 'CareVisitConnection';
  /** The items of this page with their cursors. */
  edges: Array<CareVisitEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One care visit in a paged list. */
export type CareVisitEdge = {
  __typename?: 'CareVisitEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The visit. */
  node: CareVisit;
};

/** Which care visits to list. */
export type CareVisitFilter = {
  /** Only visits with no outcome yet. */
  openOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only visits marked overdue. */
  overdueOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** What a care visit is for. */
export type CareVisitKind =
  /** A phone or doorstep call to see that all is well. */
  | 'CALL'
  /** Cleaning of the home. */
  | 'CLEANING'
  /** Shopping done for the household. */
  | 'SHOPPING'
  /** A home check of water and power (taps, gas stove, sockets, smoke alarm). */
  | 'WATER_POWER_CHECK';

/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type Community = Node & {
  __typename?: 'Community';
  /** The confirmed bookings of the estate's spaces, ordered by start, paged: the front desk's diary. Who booked and why as on `Booking`. */
  bookings?: Maybe<BookingConnection>;
  /** The estate's buildings ordered by code, paged. */
  buildings?: Maybe<BuildingConnection>;
  /** The estate's care visits, newest due first, paged: staff of the estate only (dashboards read the figures). */
  careVisits?: Maybe<CareVisitConnection>;
  /** Short code, unique across the operator, e.g. `LH`. Tokens list estates by this code. */
  code: Scalars['String']['output'];
  /** The estate's dispatches, newest first, paged. */
  dispatches?: Maybe<DispatchConnection>;
  /** The administrative district the estate belongs to. */
  district: Scalars['String']['output'];
  /** When each kind of drill is next due at the estate. */
  drillSchedule?: Maybe<Array<DrillDue>>;
  /** The estate's drills, newest first, paged. */
  drills?: Maybe<DrillConnection>;
  /** Minutes within which an emergency dispatch must be on scene. */
  emergencyTargetMinutes: Scalars['Int']['output'];
  /** The estate's events ordered by start, paged. */
  events?: Maybe<CommunityEventConnection>;
  /** The estate's figures for a period; default the calendar year so far (UTC). At most 10 years. Not for RESIDENT tokens (FORBIDDEN). */
  figures?: Maybe<EstateFigures>;
  /** Total floor area of all buildings in square metres. */
  floorAreaM2: Scalars['Int']['output'];
  /** The estate's grids, ordered by code. */
  grids?: Maybe<Array<Grid>>;
  /** The estate's resident groups, by name. */
  groups?: Maybe<Array<ResidentGroup>>;
  /** Number of households. */
  householdCount?: Maybe<Scalars['Int']['output']>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** Land area in square metres. */
  landAreaM2: Scalars['Int']['output'];
  /** The estate's liaison meetings with its organisations, newest first, paged: staff and dashboards (FORBIDDEN for residents). */
  liaisonMeetings?: Maybe<LiaisonMeetingConnection>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** The estate's residents' organisations, by kind and name. */
  organisations?: Maybe<Array<ResidentOrganisation>>;
  /** The estate's patrol routes, by code: staff and dashboards of the estate (FORBIDDEN for residents). */
  patrolRoutes?: Maybe<Array<PatrolRoute>>;
  /** The estate's public spaces, ordered by code. Public. */
  publicSpaces: Array<PublicSpace>;
  /** The hotline's reception team. */
  receptionTeam?: Maybe<Array<ReceptionMember>>;
  /** Number of registered residents. */
  residentCount?: Maybe<Scalars['Int']['output']>;
  /** Number of households with at least one care need (special-care households). */
  specialCareHouseholdCount?: Maybe<Scalars['Int']['output']>;
  /** The estate's staff ordered by code, paged. */
  staff?: Maybe<StaffConnection>;
  /** The estate's tickets, newest first, paged. */
  tickets?: Maybe<TicketConnection>;
};


/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type CommunityBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  spaceId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
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
export type CommunityCareVisitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CareVisitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type CommunityDispatchesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type CommunityDrillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type CommunityEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  kinds?: InputMaybe<Array<CommunityEventKind>>;
  last?: InputMaybe<Scalars['Int']['input']>;
  programme?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type CommunityFiguresArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type CommunityLiaisonMeetingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type CommunityPublicSpacesArgs = {
  accessible?: InputMaybe<Scalars['Boolean']['input']>;
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


/**
 * An estate (residential community) run by the operator. Its name, district and
 * public spaces are public; everything else needs a token for this estate.
 */
export type CommunityTicketsArgs = {
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
 * Something that happens in a public space: a festival programme item, a class,
 * a meeting, or a service day. It holds its space through a booking made with
 * it. Confirmed registrations never exceed `capacity`, however many arrive at
 * once; the rest wait and move up, first come first served, when a place is freed.
 */
export type CommunityEvent = Node & {
  __typename?: 'CommunityEvent';
  /** Registrations recorded at the door. */
  attendedCount: Scalars['Int']['output'];
  /** The booking that holds its space. */
  booking?: Maybe<Booking>;
  /** When it was called off. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Places; at most the space's capacity. */
  capacity: Scalars['Int']['output'];
  /** What happened to it and its registrations, oldest first, paged. */
  changes: CommunityEventChangeConnection;
  /** The estate. */
  community: Community;
  /** Confirmed registrations (attended ones included). */
  confirmedCount: Scalars['Int']['output'];
  /** When it was scheduled. */
  createdAt: Scalars['DateTime']['output'];
  /** More about it, as staff wrote it. */
  description?: Maybe<Scalars['String']['output']>;
  /** Until (exclusive). */
  endsAt: Scalars['DateTime']['output'];
  /** The group that runs it, if one. */
  group?: Maybe<ResidentGroup>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** For a reception day: the tickets residents raised there (those the token may read). */
  issues: Array<Ticket>;
  /** What kind of event it is. */
  kind: CommunityEventKind;
  /** The member of staff who organises it. */
  organiser?: Maybe<Staff>;
  /** Places not taken: capacity minus confirmed. */
  placesLeft: Scalars['Int']['output'];
  /** The programme it belongs to, e.g. `2025 Spring Festival`. */
  programme?: Maybe<Scalars['String']['output']>;
  /** Its registrations in the order they were made. Each registration's resident is personal. */
  registrations: EventRegistrationConnection;
  /** True for service days (FREE_CLINIC, HAIRCUT, RECEPTION_DAY). */
  serviceDay: Scalars['Boolean']['output'];
  /** Where. */
  space: PublicSpace;
  /** From. */
  startsAt: Scalars['DateTime']['output'];
  /** Whether it takes place. */
  status: CommunityEventStatus;
  /** Its title, as announced on the estate's notice boards. */
  title: Scalars['String']['output'];
  /** Registrations waiting for a place. */
  waitlistedCount: Scalars['Int']['output'];
};


/**
 * Something that happens in a public space: a festival programme item, a class,
 * a meeting, or a service day. It holds its space through a booking made with
 * it. Confirmed registrations never exceed `capacity`, however many arrive at
 * once; the rest wait and move up, first come first served, when a place is freed.
 */
export type CommunityEventChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Something that happens in a public space: a festival programme item, a class,
 * a meeting, or a service day. It holds its space through a booking made with
 * it. Confirmed registrations never exceed `capacity`, however many arrive at
 * once; the rest wait and move up, first come first served, when a place is freed.
 */
export type CommunityEventRegistrationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  statuses?: InputMaybe<Array<RegistrationStatus>>;
};

/** One change of an event or of a registration for it. Changes are never altered or removed. */
export type CommunityEventChange = CommunityLifeChange & {
  __typename?: 'CommunityEventChange';
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** Position in the live event stream: pass it as `after` to resume right after this change. Null for history recorded before the stream existed. */
  cursor?: Maybe<Scalars['String']['output']>;
  /** The event as it is now. */
  event: CommunityEvent;
  /** Stable ID of the change. */
  id: Scalars['ID']['output'];
  /** The registration it concerns, as it is now. */
  registration?: Maybe<EventRegistration>;
  /** For ISSUE_RAISED: the ticket (when the token may read it). */
  ticket?: Maybe<Ticket>;
  /** What happened. */
  type: CommunityEventChangeType;
};

/** A page of an event's changes, oldest first. */
export type CommunityEventChangeConnection = {
  __typename?: 'CommunityEventChangeConnection';
  /** The items of this page with their cursors. */
  edges: Array<CommunityEventChangeEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One change in a paged list. */
export type CommunityEventChangeEdge = {
  __typename?: 'CommunityEventChangeEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The change. */
  node: CommunityEventChange;
};

/** What happened to an event or to a registration for it. */
export type CommunityEventChangeType =
  /** A resident's attendance was recorded at the door. */
  | 'ATTENDED'
  /** The event was called off (and its booking cancelled). */
  | 'CANCELLED'
  /** At a reception day, a resident raised an issue: a WALK_IN ticket. */
  | 'ISSUE_RAISED'
  /** A waiting resident moved up into a freed place. */
  | 'PROMOTED'
  /** A resident registered and got a place. */
  | 'REGISTERED'
  /** A registration was withdrawn. */
  | 'REGISTRATION_CANCELLED'
  /** The event was scheduled (and its space booked). */
  | 'SCHEDULED'
  /** A resident registered beyond capacity and waits. */
  | 'WAITLISTED';

/** A page of events, by start. */
export type CommunityEventConnection = {
  __typename?: 'CommunityEventConnection';
  /** The items of this page with their cursors. */
  edges: Array<CommunityEventEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One event in a paged list. */
export type CommunityEventEdge = {
  __typename?: 'CommunityEventEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: CommunityEvent;
};

/** What kind of event it is. FREE_CLINIC, HAIRCUT and RECEPTION_DAY are service days. */
export type CommunityEventKind =
  /** A class or workshop. */
  | 'CLASS'
  /** Culture and arts. */
  | 'CULTURE'
  /** A festival programme item (Spring Festival, Mid-Autumn). */
  | 'FESTIVAL'
  /** Service day: a free clinic. */
  | 'FREE_CLINIC'
  /** Service day: free haircuts. */
  | 'HAIRCUT'
  /** A meeting where residents deliberate. */
  | 'MEETING'
  /** Anything else. */
  | 'OTHER'
  /** Service day: the operator's reception day, where residents meet the management face to face; the issues they raise become WALK_IN tickets (`raiseReceptionIssue`). The estate's figures count them (`Community.figures.liaison.receptionDays`). */
  | 'RECEPTION_DAY'
  /** Sports. */
  | 'SPORTS'
  /** Volunteering. */
  | 'VOLUNTEERING';

/** An event after a change. */
export type CommunityEventPayload = {
  __typename?: 'CommunityEventPayload';
  /** The stream position of the last change this appended. */
  cursor?: Maybe<Scalars['String']['output']>;
  /** The event as it is now. */
  event: CommunityEvent;
};

/** Whether an event takes place. */
export type CommunityEventStatus =
  /** Called off; its booking is cancelled with it. */
  | 'CANCELLED'
  /** It takes place. */
  | 'SCHEDULED';

/** A change in the community-life stream: a booking's or an event's. Select the fields of each with `... on BookingChange` and `... on CommunityEventChange`. */
export type CommunityLifeChange = {
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** Position in the live event stream: pass it as `after` to resume right after this change. Null for history recorded before the stream existed. */
  cursor?: Maybe<Scalars['String']['output']>;
  /** Stable ID of the change. */
  id: Scalars['ID']['output'];
};

/**
 * Counts of community life per estate: space utilisation, event attendance and
 * group membership. No personal data: for managers, district dashboards and
 * integrators.
 */
export type CommunityLifeFigures = {
  __typename?: 'CommunityLifeFigures';
  /** Per estate, month and kind of event: places, registrations and attendance. */
  eventAttendance: Array<EventAttendance>;
  /** Per estate and group theme: groups and members (now). */
  groupMembership: Array<GroupMembership>;
  /** Per space and month: bookings against opening hours. */
  spaceUtilisation: Array<SpaceUtilisation>;
};

/** Which estates and months the figures cover. */
export type CommunityLifeFiguresFilter = {
  /** Only these estates (codes); default: every estate the token covers. */
  communityCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The first day, inclusive (estate local time); months are whole months from its month on. */
  from: Scalars['Date']['input'];
  /** The last day, inclusive; at most 36 months after `from`. */
  to: Scalars['Date']['input'];
};

/** Which community-life changes to stream. Every field is optional; they combine with AND. */
export type CommunityLifeFilter = {
  /** Only these estates (codes); default: every estate the token covers. An estate the token does not cover is FORBIDDEN. */
  communityCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only this event (its booking included): an organiser's screen. */
  eventId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these kinds; default both. */
  kinds?: InputMaybe<Array<CommunityLifeKind>>;
  /** Only bookings and events of this space: a front desk screen. */
  spaceId?: InputMaybe<Scalars['ID']['input']>;
};

/** Which streams of community life to follow. */
export type CommunityLifeKind =
  /** Bookings of public spaces (events' bookings included). */
  | 'BOOKING'
  /** Events and their registrations. */
  | 'COMMUNITY_EVENT';

/** Create a resident group. */
export type CreateGroupInput = {
  /** The estate (code); default the estate the manager works in. */
  communityCode?: InputMaybe<Scalars['String']['input']>;
  /** What it does, at most 1,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The resident who leads it; they become a member. */
  leaderId?: InputMaybe<Scalars['ID']['input']>;
  /** The member of staff who liaises with it. */
  liaisonId?: InputMaybe<Scalars['ID']['input']>;
  /** Its name, 1–120 characters, unique in the estate. */
  name: Scalars['String']['input'];
  /** What it is about. */
  theme: GroupTheme;
};

/** A new patrol route. */
export type CreatePatrolRouteInput = {
  /** The checkpoints in walking order, 1 to 50. */
  checkpoints: Array<PatrolCheckpointInput>;
  /** Code unique within the estate, 1–16 characters. */
  code: Scalars['String']['input'];
  /** The estate (code). */
  communityCode: Scalars['String']['input'];
  /** Start a run every this many minutes, 1 to 10,080. */
  everyMinutes: Scalars['Int']['input'];
  /** Display name, 1–120 characters. */
  name: Scalars['String']['input'];
};

/**
 * The emergency response raised with an EMERGENCY ticket: who was sent, and
 * whether they were on scene within the estate's target (15 minutes at the
 * reference estate). Visible like its ticket; a STAFF token's live stream shows
 * only the dispatches it was sent to.
 */
export type Dispatch = Node & {
  __typename?: 'Dispatch';
  /** When a unit acknowledged. */
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The building the emergency is in; null when it is in a public space. */
  building?: Maybe<Building>;
  /** When the incident was cleared. */
  clearedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The estate. */
  community: Community;
  /** When units were first sent. */
  dispatchedAt: Scalars['DateTime']['output'];
  /** How many times it escalated because nobody acknowledged in time. */
  escalations: Scalars['Int']['output'];
  /** The grid responsible for the building. */
  grid?: Maybe<Grid>;
  /** The household it concerns, if one. */
  household?: Maybe<Household>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** What kind of emergency it is. */
  incidentType: IncidentType;
  /** True when nobody suitable was on duty and it went straight to the estate's manager. */
  managerFallback: Scalars['Boolean']['output'];
  /** When a unit reached the scene. */
  onSceneAt?: Maybe<Scalars['DateTime']['output']>;
  /** The public space the emergency is in; null when it is in a building. */
  publicSpace?: Maybe<PublicSpace>;
  /** Seconds from dispatch to on scene; null until then. */
  responseSeconds?: Maybe<Scalars['Int']['output']>;
  /** Where the dispatch stands. */
  status: DispatchStatus;
  /** Be on scene by then: the estate's target after `dispatchedAt`. */
  targetOnSceneAt: Scalars['DateTime']['output'];
  /** The EMERGENCY ticket raised with it. */
  ticket: Ticket;
  /** What happened to it, oldest first, paged. */
  timeline: DispatchEventConnection;
  /** The members of staff sent, in the order they were sent. */
  units: Array<DispatchUnit>;
  /** Increases with every change; send it back as `expectedVersion` to act only on what you saw. */
  version: Scalars['Int']['output'];
  /** True when on scene by the target; false when on scene late or the target passed; null while still within it. */
  withinTarget?: Maybe<Scalars['Boolean']['output']>;
};


/**
 * The emergency response raised with an EMERGENCY ticket: who was sent, and
 * whether they were on scene within the estate's target (15 minutes at the
 * reference estate). Visible like its ticket; a STAFF token's live stream shows
 * only the dispatches it was sent to.
 */
export type DispatchTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Act on a dispatch (acknowledge, arrive, clear). */
export type DispatchActionInput = {
  /** The dispatch. */
  dispatchId: Scalars['ID']['input'];
  /** The version you last saw; when it is stale the move fails with VERSION_CONFLICT and nothing changes. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** A note for the timeline, at most 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** A page of dispatches, newest first. */
export type DispatchConnection = {
  __typename?: 'DispatchConnection';
  /** The items of this page with their cursors. */
  edges: Array<DispatchEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One dispatch in a paged list. */
export type DispatchEdge = {
  __typename?: 'DispatchEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The dispatch. */
  node: Dispatch;
};

/** One change of a dispatch. Events are never changed or removed. */
export type DispatchEvent = {
  __typename?: 'DispatchEvent';
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** Position in the live event stream: pass it as `after` to resume right after this event. Null for history recorded before the stream existed. */
  cursor?: Maybe<Scalars['String']['output']>;
  /** The dispatch. */
  dispatch: Dispatch;
  /** The status before; null when it did not change. */
  fromStatus?: Maybe<DispatchStatus>;
  /** Stable ID of the event. */
  id: Scalars['ID']['output'];
  /** The note left with the change, if any. */
  note?: Maybe<Scalars['String']['output']>;
  /** The status after; null when it did not change. */
  toStatus?: Maybe<DispatchStatus>;
  /** What happened. */
  type: DispatchEventType;
  /** The unit it concerns: the one sent by an escalation, or the one that acted. */
  unit?: Maybe<Staff>;
};

/** A page of a dispatch's timeline, oldest first. */
export type DispatchEventConnection = {
  __typename?: 'DispatchEventConnection';
  /** The items of this page with their cursors. */
  edges: Array<DispatchEventEdge>;
  /** Where this page sits in the whole timeline. */
  pageInfo: PageInfo;
  /** Number of events in the whole timeline. */
  totalCount: Scalars['Int']['output'];
};

/** One dispatch event in a paged list. */
export type DispatchEventEdge = {
  __typename?: 'DispatchEventEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: DispatchEvent;
};

/** What happened to a dispatch. */
export type DispatchEventType =
  /** A unit acknowledged. */
  | 'ACKNOWLEDGED'
  /** The incident is over. */
  | 'CLEARED'
  /** Units were sent. */
  | 'DISPATCHED'
  /** Nobody acknowledged in time: another unit (then the estate's manager) was sent. */
  | 'ESCALATED'
  /** A unit reached the scene. */
  | 'ON_SCENE'
  /** The target time passed with nobody on scene. */
  | 'TARGET_MISSED';

/** The dispatch after a change. */
export type DispatchPayload = {
  __typename?: 'DispatchPayload';
  /** The stream position of the last event this change appended: subscribe to `dispatchEvents(after: cursor)` to follow from exactly here. */
  cursor?: Maybe<Scalars['String']['output']>;
  /** The dispatch as it is now. */
  dispatch: Dispatch;
};

/** Where an emergency dispatch stands: DISPATCHED → ACKNOWLEDGED → ON_SCENE → CLEARED. */
export type DispatchStatus =
  /** A unit acknowledged and is on the way. */
  | 'ACKNOWLEDGED'
  /** The incident is over. */
  | 'CLEARED'
  /** Units have been sent; nobody has acknowledged yet. */
  | 'DISPATCHED'
  /** A unit reached the scene. */
  | 'ON_SCENE';

/** A member of staff sent to a dispatch. */
export type DispatchUnit = {
  __typename?: 'DispatchUnit';
  /** When they acknowledged; null until they did (another unit may have). */
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When they were sent. */
  dispatchedAt: Scalars['DateTime']['output'];
  /** Why they were chosen. */
  reason: DispatchUnitReason;
  /** The job they were sent for. */
  role: StaffRole;
  /** Who. */
  staff: Staff;
};

/** Why a member of staff was sent. */
export type DispatchUnitReason =
  /** Sent when nobody acknowledged in time. */
  | 'ESCALATION'
  /** On duty elsewhere in the estate (nobody of that job was on duty in the grid's squad). */
  | 'ESTATE'
  /** The estate's manager: nobody suitable was on duty, or the last step of escalation. */
  | 'MANAGER'
  /** On duty in the squad of the building's grid. */
  | 'SQUAD';

/** A fire or anti-terror drill held at an estate. */
export type Drill = Node & {
  __typename?: 'Drill';
  /** The building it was held in, if one. */
  building?: Maybe<Building>;
  /** The estate. */
  community: Community;
  /** What was found (doors propped open, an alarm not heard, …). */
  findings?: Maybe<Scalars['String']['output']>;
  /** When it was held. */
  heldAt: Scalars['DateTime']['output'];
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** What it rehearsed. */
  kind: DrillKind;
  /** The member of staff who led it. */
  lead?: Maybe<Staff>;
  /** How many people took part (residents and staff). */
  participants: Scalars['Int']['output'];
  /** Where, as the estate calls the place. */
  place: Scalars['String']['output'];
  /** The public space it was held in, if one. */
  publicSpace?: Maybe<PublicSpace>;
};

/** A page of drills, newest first. */
export type DrillConnection = {
  __typename?: 'DrillConnection';
  /** The items of this page with their cursors. */
  edges: Array<DrillEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** When a kind of drill is next due at an estate. */
export type DrillDue = {
  __typename?: 'DrillDue';
  /** It must be held every this many days (the drill_policy table). */
  everyDays: Scalars['Int']['output'];
  /** The kind of drill. */
  kind: DrillKind;
  /** When the last one was held; null when none was. */
  lastHeldAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the next is due: the last one plus `everyDays`, or the estate's onboarding when none was held. */
  nextDueAt: Scalars['DateTime']['output'];
  /** True when the next one is past due. */
  overdue: Scalars['Boolean']['output'];
};

/** One drill in a paged list. */
export type DrillEdge = {
  __typename?: 'DrillEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The drill. */
  node: Drill;
};

/** Drills held in a period. */
export type DrillFigures = {
  __typename?: 'DrillFigures';
  /** Anti-terror drills. */
  antiTerror: Scalars['Int']['output'];
  /** Per calendar year, oldest first (years with drills only). */
  byYear: Array<DrillYear>;
  /** Fire drills. */
  fire: Scalars['Int']['output'];
  /** Every drill. */
  total: Scalars['Int']['output'];
};

/** What a drill rehearses. */
export type DrillKind =
  /** Response to a violent attack or a terror threat. */
  | 'ANTI_TERROR'
  /** Fire evacuation and firefighting. */
  | 'FIRE';

/** The drill as recorded. */
export type DrillPayload = {
  __typename?: 'DrillPayload';
  /** The drill. */
  drill: Drill;
};

/** Drills of one calendar year within the period. */
export type DrillYear = {
  __typename?: 'DrillYear';
  /** Anti-terror drills. */
  antiTerror: Scalars['Int']['output'];
  /** Fire drills. */
  fire: Scalars['Int']['output'];
  /** The year. */
  year: Scalars['Int']['output'];
};

/** End a care plan: no more visits fall due (an open visit stays open until its outcome is recorded). */
export type EndCarePlanInput = {
  /** The plan. */
  planId: Scalars['ID']['input'];
};

/** Erase a resident's personal data. */
export type EraseResidentInput = {
  /** The resident who moved out (or asked to be forgotten). */
  residentId: Scalars['ID']['input'];
};

/** What an erasure removed and what it kept. */
export type EraseResidentPayload = {
  __typename?: 'EraseResidentPayload';
  /** The global ID of the resident, who no longer exists. */
  erasedResidentId: Scalars['ID']['output'];
  /** Ticket events the resident had made: kept, with no resident actor from now on. */
  eventsKept: Scalars['Int']['output'];
  /** Tickets the resident had reported: kept, with no reporter from now on. */
  ticketsKept: Scalars['Int']['output'];
};

/** Take a ticket from building level to community level. */
export type EscalateTicketInput = {
  /** The version you last saw; when it is stale: VERSION_CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Why, at most 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Who takes it over: a ReceptionMember ID, or the Staff ID of a manager of the ticket's estate. */
  takenOverById: Scalars['ID']['input'];
  /** The ticket (not resolved, cancelled or closed). */
  ticketId: Scalars['ID']['input'];
  /** Where to: COMMUNITY. */
  to: TicketLevel;
};

/** Who took over an escalated ticket. */
export type EscalationTaker = ReceptionMember | Staff;

/**
 * An estate's figures for the proactive side of its work over a period:
 * care visits, patrols, drills, liaison and where tickets were resolved. Counts
 * only, never a household: staff and dashboard tokens (DISTRICT, INTEGRATOR)
 * covering the estate read them; a RESIDENT token does not (FORBIDDEN), since in
 * a small estate or a quiet month a count points at one neighbour.
 */
export type EstateFigures = {
  __typename?: 'EstateFigures';
  /** Care visits that fell due in the period. */
  care: CareFigures;
  /** Drills held in the period. */
  drills: DrillFigures;
  /** The first day counted. */
  from: Scalars['Date']['output'];
  /** Liaison meetings with organisations and reception days held in the period. */
  liaison: LiaisonFigures;
  /** Patrol runs started in the period. */
  patrols: PatrolFigures;
  /** Tickets resolved in the period, by the level they were resolved at. */
  tickets: TicketLevelFigures;
  /** The day after the last day counted. */
  to: Scalars['Date']['output'];
};

/** Events of one kind in one estate and month (estate local time), cancelled ones left out. */
export type EventAttendance = {
  __typename?: 'EventAttendance';
  /** attended / registrations; null without registrations. */
  attendanceRate?: Maybe<Scalars['Float']['output']>;
  /** Attendance recorded at the door. */
  attended: Scalars['Int']['output'];
  /** Places offered. */
  capacity: Scalars['Int']['output'];
  /** The estate. */
  community: Community;
  /** How many events. */
  events: Scalars['Int']['output'];
  /** What kind of event. */
  kind: CommunityEventKind;
  /** The month, `2025-01`. */
  month: Scalars['String']['output'];
  /** Confirmed registrations. */
  registrations: Scalars['Int']['output'];
  /** Registrations still waiting when the events took place. */
  waitlisted: Scalars['Int']['output'];
};

/** A resident's registration for an event. */
export type EventRegistration = Node & {
  __typename?: 'EventRegistration';
  /** When they came, as recorded at the door. */
  attendedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was withdrawn. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** The estate. */
  community: Community;
  /** When they got a place (at once, or when they moved up). */
  confirmedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The event. */
  event: CommunityEvent;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** When they registered. */
  registeredAt: Scalars['DateTime']['output'];
  /** Who. Personal: staff and the resident's own household. */
  resident?: Maybe<Resident>;
  /** Confirmed, waiting or withdrawn. */
  status: RegistrationStatus;
};

/** A page of registrations. */
export type EventRegistrationConnection = {
  __typename?: 'EventRegistrationConnection';
  /** The items of this page with their cursors. */
  edges: Array<EventRegistrationEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One registration in a paged list. */
export type EventRegistrationEdge = {
  __typename?: 'EventRegistrationEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The registration. */
  node: EventRegistration;
};

/** Finish a run; the checkpoints not reached are marked missed. */
export type FinishPatrolInput = {
  /** The run. */
  runId: Scalars['ID']['input'];
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
  /** The grid's tickets, newest first, paged. */
  tickets: TicketConnection;
};


/**
 * A grid: a cluster of buildings looked after by a steward and a "1+3" squad
 * (steward plus security, cleaning and maintenance), paired with a community
 * grid worker.
 */
export type GridTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** The community grid worker paired with a grid: an outside person, not staff. */
export type GridWorker = {
  __typename?: 'GridWorker';
  /** Full name. */
  name: Scalars['String']['output'];
  /** Phone number; only for staff roles of the estate (FORBIDDEN otherwise). */
  phone?: Maybe<Scalars['String']['output']>;
};

/** A resident's membership of a group. */
export type GroupMember = {
  __typename?: 'GroupMember';
  /** The group. */
  group: ResidentGroup;
  /** When they joined. */
  joinedAt: Scalars['DateTime']['output'];
  /** Who. Personal: staff and the member's own household. */
  resident?: Maybe<Resident>;
};

/** A page of a group's members. */
export type GroupMemberConnection = {
  __typename?: 'GroupMemberConnection';
  /** The items of this page with their cursors. */
  edges: Array<GroupMemberEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One member in a paged list. */
export type GroupMemberEdge = {
  __typename?: 'GroupMemberEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The membership. */
  node: GroupMember;
};

/** The groups of one theme in one estate. */
export type GroupMembership = {
  __typename?: 'GroupMembership';
  /** The estate. */
  community: Community;
  /** How many groups. */
  groups: Scalars['Int']['output'];
  /** Memberships (a resident in two groups counts twice). */
  members: Scalars['Int']['output'];
  /** The theme. */
  theme: GroupTheme;
};

/** Join or leave a group. */
export type GroupMembershipInput = {
  /** The group. */
  groupId: Scalars['ID']['input'];
  /** Staff adding or removing a resident; residents join and leave themselves and leave it out. */
  residentId?: InputMaybe<Scalars['ID']['input']>;
};

/** A group after a change. */
export type GroupPayload = {
  __typename?: 'GroupPayload';
  /** The group as it is now. */
  group: ResidentGroup;
};

/** What a resident group is about; the estate decides which it runs. */
export type GroupTheme =
  /** Culture and arts. */
  | 'CULTURE'
  /** Gardening. */
  | 'GARDENING'
  /** Anything else. */
  | 'OTHER'
  /** Parents and children. */
  | 'PARENTS_AND_CHILDREN'
  /** Seniors. */
  | 'SENIORS'
  /** Sports and fitness. */
  | 'SPORTS'
  /** Volunteers. */
  | 'VOLUNTEERS';

/**
 * A household living in one unit of a building. Its unit and care needs are
 * personal data: visible to staff roles of the estate and to the household's own
 * residents, never to DISTRICT or INTEGRATOR tokens.
 */
export type Household = Node & {
  __typename?: 'Household';
  /** The building the household lives in. */
  building: Building;
  /** Care needs; empty when there are none. */
  careNeeds?: Maybe<Array<CareNeed>>;
  /** The household's care plans, by kind. Staff of the estate and the household's own residents. */
  carePlans?: Maybe<Array<CarePlan>>;
  /** The estate the household belongs to. */
  community: Community;
  /** The floor the unit is on. */
  floor: Scalars['Int']['output'];
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** The household's residents. */
  residents: Array<Resident>;
  /** True when the household has at least one care need: personal data like the needs themselves (dashboards count them, `Community.specialCareHouseholdCount`). */
  specialCare?: Maybe<Scalars['Boolean']['output']>;
  /** The household's tickets, newest first, paged. */
  tickets: TicketConnection;
  /** The unit number within the building, e.g. `1203`. */
  unit?: Maybe<Scalars['String']['output']>;
};


/**
 * A household living in one unit of a building. Its unit and care needs are
 * personal data: visible to staff roles of the estate and to the household's own
 * residents, never to DISTRICT or INTEGRATOR tokens.
 */
export type HouseholdTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
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

/** What kind of emergency it is; decides which jobs are sent (the incident_response table). */
export type IncidentType =
  /** Someone trapped in a lift: maintenance and security. */
  | 'ELEVATOR_ENTRAPMENT'
  /** A fire or a fire alarm: security and the manager. */
  | 'FIRE'
  /** A smell of gas: security and maintenance. */
  | 'GAS_LEAK'
  /** Someone needs medical help: the steward and security, while the desk calls the ambulance. */
  | 'MEDICAL'
  /** Power gone in a building: maintenance and the steward. */
  | 'POWER_OUTAGE'
  /** A break-in, a fight, a threat: security and the steward. */
  | 'SECURITY'
  /** A burst pipe or flooding: maintenance and the steward. */
  | 'WATER_LEAK';

/** Liaison meetings with organisations and reception days held in a period. */
export type LiaisonFigures = {
  __typename?: 'LiaisonFigures';
  /** Residents who came: to the meetings, and to the reception days as recorded at the door. */
  attendees: Scalars['Int']['output'];
  /** Liaison meetings with residents' organisations held in the period. */
  meetings: Scalars['Int']['output'];
  /** Reception days held in the period: community events of kind RECEPTION_DAY that started in it (by now) and were not called off. */
  receptionDays: Scalars['Int']['output'];
  /** Tickets that came of them: the meetings' tickets and the issues raised at the reception days. */
  ticketsRaised: Scalars['Int']['output'];
};

/**
 * A liaison meeting with a residents' organisation, and what came of it.
 * Reception days are not meetings: they are community events of kind
 * RECEPTION_DAY (`scheduleEvent`), their issues raised with `raiseReceptionIssue`.
 */
export type LiaisonMeeting = Node & {
  __typename?: 'LiaisonMeeting';
  /** Residents who came. */
  attendees: Scalars['Int']['output'];
  /** The estate. */
  community: Community;
  /** When it was held. */
  heldAt: Scalars['DateTime']['output'];
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** The organisation met. */
  organisation: ResidentOrganisation;
  /** Where. */
  place: Scalars['String']['output'];
  /** Who wrote it up. */
  recordedBy?: Maybe<Staff>;
  /** What was said and agreed. */
  summary?: Maybe<Scalars['String']['output']>;
  /** The tickets that came of it. */
  tickets: Array<Ticket>;
};

/** A page of liaison meetings, newest first. */
export type LiaisonMeetingConnection = {
  __typename?: 'LiaisonMeetingConnection';
  /** The items of this page with their cursors. */
  edges: Array<LiaisonMeetingEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One liaison meeting in a paged list. */
export type LiaisonMeetingEdge = {
  __typename?: 'LiaisonMeetingEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The meeting. */
  node: LiaisonMeeting;
};

/** The meeting as recorded. */
export type LiaisonMeetingPayload = {
  __typename?: 'LiaisonMeetingPayload';
  /** The meeting. */
  meeting: LiaisonMeeting;
};

/** Changes to tickets. Each succeeds completely or writes nothing. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Acknowledge a DISPATCHED dispatch (a unit sent, the desk, a manager); its ticket is acknowledged with it. */
  acknowledgeDispatch: DispatchPayload;
  /** Acknowledge a SUBMITTED ticket (staff of its estate). */
  acknowledgeTicket: TicketPayload;
  /** Add a member to the estate's reception team (managers). */
  addReceptionMember: ReceptionMemberPayload;
  /** Add a residents' organisation and its contact people (managers). */
  addResidentOrganisation: ResidentOrganisationPayload;
  /** Record arrival on scene of an ACKNOWLEDGED dispatch, with its response time; its ticket goes IN_PROGRESS. */
  arriveOnScene: DispatchPayload;
  /** Assign a ticket to staff of its estate (managers and dispatchers), until it is resolved. */
  assignTicket: TicketPayload;
  /**
   * Book a public space: a RESIDENT for themselves, staff (STAFF, DISPATCHER,
   * MANAGER, ADMIN) for the estate. Refusals in this order: UNAUTHENTICATED,
   * NOT_FOUND (a space of an estate the token does not cover), FORBIDDEN
   * (DISTRICT, INTEGRATOR), SPACE_UNAVAILABLE (CLOSED or UNDER_RENOVATION),
   * BAD_USER_INPUT naming the field (times, opening hours, lead time, length,
   * attendees above capacity, purpose), then SPACE_UNAVAILABLE when the slot
   * overlaps a confirmed booking. Not idempotent: a retry of a booking that
   * went through is SPACE_UNAVAILABLE with `extensions.bookingId` of your own.
   */
  bookSpace: BookingPayload;
  /** Cancel a confirmed booking that has not ended: the resident who made it, or staff of the estate. A booking that holds an event's space goes with the event (cancelEvent). */
  cancelBooking: BookingPayload;
  /** Call off a scheduled event that has not ended; its booking is cancelled with it (staff of the estate). */
  cancelEvent: CommunityEventPayload;
  /** Withdraw a registration (the resident or their household, or staff); a freed place goes to the first waiting registration in the same transaction. */
  cancelRegistration: RegistrationPayload;
  /** Cancel a ticket before work starts (its reporter). */
  cancelTicket: TicketPayload;
  /** Clear a dispatch that is ON_SCENE: the incident is over; its ticket is resolved. */
  clearDispatch: DispatchPayload;
  /** Close a RESOLVED ticket that no resident reported (a patrol's, a steward's): the member of staff who raised it or a manager. A resident's ticket closes with their rating. */
  closeTicket: TicketPayload;
  /** Start a resident group (MANAGER, ADMIN). */
  createGroup: GroupPayload;
  /** Create a patrol route with its checkpoints (managers). */
  createPatrolRoute: PatrolRoutePayload;
  /** End a care plan (staff of the estate). */
  endCarePlan: CarePlanPayload;
  /**
   * Erases a resident's personal data on request (their name, phone and household
   * link: the resident is deleted), while the estate's ticket history and figures
   * stay intact: their tickets and events remain, with no reporter or resident
   * actor, and ratings they gave still count. MANAGER of the resident's estate or
   * ADMIN. Their tokens stop working within a minute.
   */
  eraseResident: EraseResidentPayload;
  /** Take a ticket from building level to community level (the steward, the desk, a manager): an ESCALATED event in its timeline, taken over by the reception team or the manager. */
  escalateTicket: TicketPayload;
  /** Finish a run (the guard, the desk or a manager): checkpoints not reached are marked missed. */
  finishPatrol: PatrolRunPayload;
  /** Join a group: a resident themselves, or staff adding a resident. Joining twice changes nothing. */
  joinGroup: GroupPayload;
  /** Leave a group: a resident themselves, or staff removing a resident. A leader who leaves stops leading it. */
  leaveGroup: GroupPayload;
  /** Pass a checkpoint (the guard walking the run), in order: any pending checkpoint before it is marked missed. */
  passCheckpoint: PatrolRunPayload;
  /** Raise an emergency (the desk, managers, staff on their rounds): an EMERGENCY ticket and a dispatch to the right people on duty, in one transaction. Idempotent per caller and idempotencyKey. */
  raiseEmergency: DispatchPayload;
  /** At a reception day, record an issue a resident raised: a WALK_IN ticket linked to the day (staff of the estate). Idempotent per caller and idempotencyKey. */
  raiseReceptionIssue: ReceptionIssuePayload;
  /** Rate a RESOLVED ticket 1–5 (the resident who reported it, once); closes it. Staff never rate, and a ticket no resident reported has no rating. */
  rateTicket: TicketPayload;
  /** Record at the door that a CONFIRMED registration's resident came (staff of the estate). */
  recordAttendance: RegistrationPayload;
  /** Record a care visit's outcome (staff of the estate): its ticket is closed and the schedule moves on. */
  recordCareVisit: RecordCareVisitPayload;
  /** Record a drill held at your estate (staff of the estate). */
  recordDrill: DrillPayload;
  /** Record a liaison meeting with a residents' organisation (staff of the estate). A reception day is a community event: `scheduleEvent` with kind RECEPTION_DAY, its issues `raiseReceptionIssue`. */
  recordLiaisonMeeting: LiaisonMeetingPayload;
  /**
   * Records an estate's survey result for a period, replacing any recorded
   * earlier for the same estate and period (`replaced` says so). MANAGER of
   * the estate or ADMIN.
   */
  recordSurvey: RecordSurveyPayload;
  /** Register for a scheduled event that has not ended: CONFIRMED while places are left, else WAITLISTED. One live registration per resident and event: registering again is BAD_USER_INPUT. */
  registerForEvent: RegistrationPayload;
  /** Reopen a RESOLVED ticket (its reporter or a manager). */
  reopenTicket: TicketPayload;
  /** Report an anomaly found on a run (the guard walking it): the anomaly and a PATROL ticket in one transaction. Idempotent per caller and idempotencyKey. */
  reportAnomaly: ReportAnomalyPayload;
  /** Resolve an IN_PROGRESS ticket (staff of its estate). */
  resolveTicket: TicketPayload;
  /** Schedule an event in a public space and book the space for it, in one transaction (STAFF, DISPATCHER, MANAGER, ADMIN of the estate). The space's status, opening hours and bookings apply as for bookSpace. */
  scheduleEvent: CommunityEventPayload;
  /** Set a household's care visits of one kind (staff of the estate): creates the plan or changes how often and why. */
  setCarePlan: CarePlanPayload;
  /** Go on or off duty (yourself), or put a member of staff of your estate on or off duty (the desk, managers). */
  setDuty: SetDutyPayload;
  /** Start walking a route (security staff of the estate); one run of a route at a time, one per guard. */
  startPatrol: PatrolRunPayload;
  /** Start work on an ACKNOWLEDGED or REOPENED ticket (staff of its estate). */
  startTicket: TicketPayload;
  /** Raise a ticket (residents, staff, the desk). Idempotent per caller and idempotencyKey. */
  submitTicket: TicketPayload;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationAcknowledgeDispatchArgs = {
  input: DispatchActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationAcknowledgeTicketArgs = {
  input: TicketActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationAddReceptionMemberArgs = {
  input: AddReceptionMemberInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationAddResidentOrganisationArgs = {
  input: AddResidentOrganisationInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationArriveOnSceneArgs = {
  input: DispatchActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationAssignTicketArgs = {
  input: AssignTicketInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationBookSpaceArgs = {
  input: BookSpaceInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationCancelBookingArgs = {
  input: CancelBookingInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationCancelEventArgs = {
  input: CancelEventInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationCancelRegistrationArgs = {
  input: RegistrationActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationCancelTicketArgs = {
  input: TicketActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationClearDispatchArgs = {
  input: DispatchActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationCloseTicketArgs = {
  input: TicketActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationCreatePatrolRouteArgs = {
  input: CreatePatrolRouteInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationEndCarePlanArgs = {
  input: EndCarePlanInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationEraseResidentArgs = {
  input: EraseResidentInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationEscalateTicketArgs = {
  input: EscalateTicketInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationFinishPatrolArgs = {
  input: FinishPatrolInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationJoinGroupArgs = {
  input: GroupMembershipInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationLeaveGroupArgs = {
  input: GroupMembershipInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationPassCheckpointArgs = {
  input: PassCheckpointInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationRaiseEmergencyArgs = {
  input: RaiseEmergencyInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationRaiseReceptionIssueArgs = {
  input: RaiseReceptionIssueInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationRateTicketArgs = {
  input: RateTicketInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationRecordAttendanceArgs = {
  input: RegistrationActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationRecordCareVisitArgs = {
  input: RecordCareVisitInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationRecordDrillArgs = {
  input: RecordDrillInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationRecordLiaisonMeetingArgs = {
  input: RecordLiaisonMeetingInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationRecordSurveyArgs = {
  input: RecordSurveyInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationRegisterForEventArgs = {
  input: RegisterForEventInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationReopenTicketArgs = {
  input: TicketActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationReportAnomalyArgs = {
  input: ReportAnomalyInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationResolveTicketArgs = {
  input: TicketActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationScheduleEventArgs = {
  input: ScheduleEventInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationSetCarePlanArgs = {
  input: SetCarePlanInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationSetDutyArgs = {
  input: SetDutyInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationStartPatrolArgs = {
  input: StartPatrolInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationStartTicketArgs = {
  input: TicketActionInput;
};


/** Changes to tickets. Each succeeds completely or writes nothing. */
export type MutationSubmitTicketArgs = {
  input: SubmitTicketInput;
};

/** An object with an opaque global ID that `node(id:)` can fetch again. */
export type Node = {
  /** The object's global ID: opaque, stable, and unique across every type. */
  id: Scalars['ID']['output'];
};

/** One opening interval of a space on one weekday, in the estate's local time. */
export type OpeningHours = {
  __typename?: 'OpeningHours';
  /** Closes at, `HH:MM`; `24:00` is midnight at the end of the day. */
  closes: Scalars['String']['output'];
  /** Opens at, `HH:MM`. */
  opens: Scalars['String']['output'];
  /** The weekday. */
  weekday: Weekday;
};

/** A contact person of a residents' organisation. Name and phone are personal data: staff of the estate only. */
export type OrganisationContact = {
  __typename?: 'OrganisationContact';
  /** Full name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Their post in the organisation, e.g. secretary. */
  position: Scalars['String']['output'];
};

/** A contact person of an organisation. */
export type OrganisationContactInput = {
  /** Full name, 1–60 characters. */
  name: Scalars['String']['input'];
  /** Phone number, 5–20 digits (a leading + allowed). */
  phone: Scalars['String']['input'];
  /** Their post, 1–60 characters. */
  position: Scalars['String']['input'];
};

/** What kind of residents' organisation it is. */
export type OrganisationKind =
  /** A residents' committee (paired with a service supervisor). */
  | 'COMMITTEE'
  /** A residents' party branch (paired with one of the operator's party members). */
  | 'PARTY_BRANCH'
  /** A resident group (paired with a team lead). */
  | 'RESIDENT_GROUP';

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

/** Pass a checkpoint of a run; the pending ones before it are marked missed. */
export type PassCheckpointInput = {
  /** The checkpoint (of the run's route, not passed or missed yet). */
  checkpointId: Scalars['ID']['input'];
  /** The run. */
  runId: Scalars['ID']['input'];
};

/** Something wrong found on a patrol, and the ticket it became. */
export type PatrolAnomaly = {
  __typename?: 'PatrolAnomaly';
  /** Where. */
  checkpoint: PatrolCheckpoint;
  /** Stable ID. */
  id: Scalars['ID']['output'];
  /** What was wrong. */
  kind: PatrolAnomalyKind;
  /** What the guard wrote. */
  note?: Maybe<Scalars['String']['output']>;
  /** When it was reported. */
  reportedAt: Scalars['DateTime']['output'];
  /** Who reported it. */
  staff: Staff;
  /** The PATROL ticket raised with it, in the same transaction. */
  ticket: Ticket;
};

/** What was wrong on a patrol; decides the ticket's category and priority. */
export type PatrolAnomalyKind =
  /** A fire lane or escape route blocked (FIRE_SAFETY, HIGH). */
  | 'BLOCKED_FIRE_LANE'
  /** A broken light in a shared area (ELECTRICAL, NORMAL). */
  | 'BROKEN_LIGHT'
  /** An e-bike parked or charging in a corridor or stairwell (FIRE_SAFETY, HIGH). */
  | 'EBIKE_IN_CORRIDOR'
  /** Fire equipment missing, used or out of date (FIRE_SAFETY, HIGH). */
  | 'FIRE_EQUIPMENT'
  /** Anything else (OTHER, NORMAL). */
  | 'OTHER'
  /** A door forced, a stranger, a threat (SECURITY, HIGH). */
  | 'SECURITY';

/** A point on a patrol route, at a building or a public space. */
export type PatrolCheckpoint = Node & {
  __typename?: 'PatrolCheckpoint';
  /** The building it is at. */
  building?: Maybe<Building>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** What the guard looks for it by, e.g. `B3 fire lane`. */
  name: Scalars['String']['output'];
  /** Its place in the route's order, from 1. */
  position: Scalars['Int']['output'];
  /** The public space it is at. */
  publicSpace?: Maybe<PublicSpace>;
  /** The route. */
  route: PatrolRoute;
};

/** A checkpoint of a new route: give exactly one of buildingId and spaceId. */
export type PatrolCheckpointInput = {
  /** The building it is at. */
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  /** What the guard looks for it by, 1–120 characters. */
  name: Scalars['String']['input'];
  /** The public space it is at. */
  spaceId?: InputMaybe<Scalars['ID']['input']>;
};

/** Patrol runs started in a period. */
export type PatrolFigures = {
  __typename?: 'PatrolFigures';
  /** Anomalies reported (each became a PATROL ticket). */
  anomalies: Scalars['Int']['output'];
  /** Checkpoints missed on finished runs. */
  checkpointsMissed: Scalars['Int']['output'];
  /** Checkpoints passed on finished runs. */
  checkpointsPassed: Scalars['Int']['output'];
  /** Passed, of the checkpoints of finished runs; null when none finished. */
  coverage?: Maybe<Scalars['Float']['output']>;
  /** Runs finished. */
  finished: Scalars['Int']['output'];
  /** Runs started. */
  runs: Scalars['Int']['output'];
};

/** One checkpoint of a run. */
export type PatrolPass = {
  __typename?: 'PatrolPass';
  /** The checkpoint. */
  checkpoint: PatrolCheckpoint;
  /** When it was passed. */
  passedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Passed, missed or not reached yet. */
  status: PatrolPassStatus;
};

/** Whether a run passed a checkpoint. */
export type PatrolPassStatus =
  /** Skipped: a later checkpoint was passed first, or the run finished without it. */
  | 'MISSED'
  /** Passed, at `passedAt`. */
  | 'PASSED'
  /** Not reached yet. */
  | 'PENDING';

/**
 * A route security walks around the clock under a written procedure: ordered
 * checkpoints, started every `everyMinutes`. Staff and dashboards of the estate;
 * not residents.
 */
export type PatrolRoute = Node & {
  __typename?: 'PatrolRoute';
  /** The checkpoints in the order they are walked. */
  checkpoints: Array<PatrolCheckpoint>;
  /** Code unique within the estate, e.g. `R1`. */
  code: Scalars['String']['output'];
  /** The estate. */
  community: Community;
  /** The run being walked now, if any. */
  currentRun?: Maybe<PatrolRun>;
  /** A run must start this many minutes after the last one started. */
  everyMinutes: Scalars['Int']['output'];
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** When the next run must start: the last run's start plus `everyMinutes` (the route's creation when never walked). */
  nextStartDueAt: Scalars['DateTime']['output'];
  /** True when no run is in progress and the next one is late to start. */
  overdue: Scalars['Boolean']['output'];
  /** The route's runs, newest first, paged. */
  runs: PatrolRunConnection;
};


/**
 * A route security walks around the clock under a written procedure: ordered
 * checkpoints, started every `everyMinutes`. Staff and dashboards of the estate;
 * not residents.
 */
export type PatrolRouteRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** The route after it was created. */
export type PatrolRoutePayload = {
  __typename?: 'PatrolRoutePayload';
  /** The route. */
  route: PatrolRoute;
};

/** One walk of a route by a member of security. */
export type PatrolRun = Node & {
  __typename?: 'PatrolRun';
  /** What was found wrong on it, oldest first. */
  anomalies: Array<PatrolAnomaly>;
  /** When it finished. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** Checkpoints missed. */
  missedCount: Scalars['Int']['output'];
  /** Checkpoints passed. */
  passedCount: Scalars['Int']['output'];
  /** Every checkpoint of the route, in order, with whether it was passed. */
  passes: Array<PatrolPass>;
  /** The route. */
  route: PatrolRoute;
  /** Who walks it. */
  staff: Staff;
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** Where it stands. */
  status: PatrolRunStatus;
};

/** A page of patrol runs, newest first. */
export type PatrolRunConnection = {
  __typename?: 'PatrolRunConnection';
  /** The items of this page with their cursors. */
  edges: Array<PatrolRunEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One patrol run in a paged list. */
export type PatrolRunEdge = {
  __typename?: 'PatrolRunEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The run. */
  node: PatrolRun;
};

/** The run after a change. */
export type PatrolRunPayload = {
  __typename?: 'PatrolRunPayload';
  /** The run as it is now. */
  run: PatrolRun;
};

/** Where a patrol run stands. */
export type PatrolRunStatus =
  /** Walked; every checkpoint is passed or missed. */
  | 'FINISHED'
  /** Being walked. */
  | 'IN_PROGRESS';

/**
 * A calendar period in the estates' local time (China Standard Time, UTC+8, no
 * daylight saving): what satisfaction figures are grouped by and what surveys
 * are recorded for. Periods are written `2024` (YEAR), `2024-Q4` (QUARTER) and
 * `2024-11` (MONTH).
 */
export type PeriodUnit =
  /** A calendar month, e.g. `2024-11`. */
  | 'MONTH'
  /** A calendar quarter (January–March is Q1), e.g. `2024-Q4`. */
  | 'QUARTER'
  /** A calendar year, e.g. `2024`. */
  | 'YEAR';

/** What kind of personal data a field holds, and so who may read it. */
export type PersonalData =
  /** Residents' and households' data (names, phones, units, care needs): staff roles (STAFF, DISPATCHER, MANAGER, ADMIN) of the row's estate, and RESIDENT tokens of the row's own household. Never DISTRICT or INTEGRATOR. */
  | 'HOUSEHOLD'
  /** Staff contact details (work phones, grid workers' phones): staff roles of the row's estate. */
  | 'STAFF_CONTACT'
  /** Free text people type (ticket titles and descriptions, notes, comments), which routinely holds flat numbers, names and phone numbers: every role that may read the row, except DISTRICT and INTEGRATOR. */
  | 'TEXT';

/**
 * A shared space of an estate. Public: visible without a token, with its
 * opening hours and booking rules; its bookings need a token for the estate.
 */
export type PublicSpace = Node & {
  __typename?: 'PublicSpace';
  /** True when it is barrier-free (wheelchair accessible). */
  accessible: Scalars['Boolean']['output'];
  /**
   * The confirmed bookings overlapping [from, to), ordered by start: the busy
   * slots, at most 31 days of them. Who booked and why is personal: residents
   * see their own household's, staff every one, dashboards none.
   */
  bookings?: Maybe<Array<Booking>>;
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
  /** A resident's booking may start at most this many days ahead. */
  maxAdvanceDays: Scalars['Int']['output'];
  /** The longest a resident's booking may last, in minutes. */
  maxBookingMinutes: Scalars['Int']['output'];
  /** A resident's booking must start at least this many minutes after it is made. */
  minLeadMinutes: Scalars['Int']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** When it is open, in the estate's local time (Beijing time, UTC+8), Monday first; a weekday without intervals is closed. Bookings lie inside one interval of one day. */
  openingHours: Array<OpeningHours>;
  /** Whether it can be used now. */
  status: PublicSpaceStatus;
};


/**
 * A shared space of an estate. Public: visible without a token, with its
 * opening hours and booking rules; its bookings need a token for the estate.
 */
export type PublicSpaceBookingsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
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
  /** Space utilisation, event attendance and group membership: counts only. MANAGER, DISTRICT, INTEGRATOR and ADMIN; other roles FORBIDDEN. */
  communityLifeFigures?: Maybe<CommunityLifeFigures>;
  /** Fetches any object by its global ID. Null with a NOT_FOUND error when it does not exist or is outside the viewer's estates. */
  node?: Maybe<Node>;
  /** Fetches several objects by global ID, in the order given; each missing or hidden one is null with its own error. */
  nodes: Array<Maybe<Node>>;
  /**
   * Satisfaction and service-level figures: one bucket per estate (or grid) and
   * period, ordered by estate code, then period, then grid code. Computed from
   * the tickets as they are at the moment of the request, in one statement.
   * UNAUTHENTICATED without a token; FORBIDDEN for RESIDENT tokens and for an
   * estate the token does not cover; BAD_USER_INPUT naming the field for a bad
   * range.
   */
  satisfaction?: Maybe<Array<Satisfaction>>;
  /** A ticket by its human number, e.g. `LH-2025-000123`. Null with NOT_FOUND when none has that number or the token may not see it. */
  ticket?: Maybe<Ticket>;
  /** Tickets the token may see, newest first, filtered and paged. */
  tickets?: Maybe<TicketConnection>;
  /** Who is asking: the token's role, estates and subject. Without a token: a viewer with no role and no estates. */
  viewer: Viewer;
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
export type QueryCommunityLifeFiguresArgs = {
  filter: CommunityLifeFiguresFilter;
};


/** The entry points for reading the estate graph. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading the estate graph. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** The entry points for reading the estate graph. */
export type QuerySatisfactionArgs = {
  filter: SatisfactionFilter;
};


/** The entry points for reading the estate graph. */
export type QueryTicketArgs = {
  number: Scalars['String']['input'];
};


/** The entry points for reading the estate graph. */
export type QueryTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Raise an emergency: an EMERGENCY ticket and a dispatch, in one step. */
export type RaiseEmergencyInput = {
  /** The building it is in. Give exactly one of buildingId and spaceId. */
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  /** What the caller said, at most 4,000 characters: it becomes the ticket's description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The household it concerns, if one (a household of that building). */
  householdId?: InputMaybe<Scalars['ID']['input']>;
  /** Your key for this emergency (1–100 characters). Sending the same key again returns the same dispatch and writes nothing: a double click on the desk raises one emergency. */
  idempotencyKey: Scalars['String']['input'];
  /** What kind of emergency it is. */
  incidentType: IncidentType;
  /** The public space it is in (a fire in the garden, someone hurt on the sports court). */
  spaceId?: InputMaybe<Scalars['ID']['input']>;
};

/** An issue a resident raised at a reception day. */
export type RaiseReceptionIssueInput = {
  /** The building it concerns. */
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  /** What it is about. */
  category: TicketCategory;
  /** More, at most 4,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The reception day (an event of kind RECEPTION_DAY). */
  eventId: Scalars['ID']['input'];
  /** The household it concerns; or `buildingId`; neither: the event's space. */
  householdId?: InputMaybe<Scalars['ID']['input']>;
  /** Your key for this issue (1–100 characters): sending it again returns the same ticket and writes nothing. */
  idempotencyKey: Scalars['String']['input'];
  /** How urgent; default NORMAL. */
  priority?: InputMaybe<TicketPriority>;
  /** The resident who raised it, if they want to be its reporter. */
  residentId?: InputMaybe<Scalars['ID']['input']>;
  /** What they said, at most 200 characters. */
  title: Scalars['String']['input'];
};

/** Rate a resolved ticket (the resident who reported it); closes it. */
export type RateTicketInput = {
  /** Optional comment, at most 1,000 characters. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The version you last saw; when it is stale: VERSION_CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** 1 (very poor) to 5 (excellent). */
  score: Scalars['Int']['input'];
  /** The ticket. */
  ticketId: Scalars['ID']['input'];
};

/** The ticket a reception-day issue became. */
export type ReceptionIssuePayload = {
  __typename?: 'ReceptionIssuePayload';
  /** The stream position of the last change this appended (the ticket's and the event's). */
  cursor?: Maybe<Scalars['String']['output']>;
  /** The reception day. */
  event: CommunityEvent;
  /** The WALK_IN ticket. */
  ticket: Ticket;
};

/** A member of the hotline's reception team, which takes over the hard cases. */
export type ReceptionMember = Node & {
  __typename?: 'ReceptionMember';
  /** The estate. */
  community: Community;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** Full name (the post is a public one). */
  name: Scalars['String']['output'];
  /** Work phone; staff of the estate only. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Their post on the team (named `post`, not `role`, so it never clashes with Staff.role where both are selected through EscalationTaker). */
  post: ReceptionRole;
  /** The member of staff, when they are one (the project manager). */
  staff?: Maybe<Staff>;
};

/** The reception team member as added. */
export type ReceptionMemberPayload = {
  __typename?: 'ReceptionMemberPayload';
  /** The member. */
  member: ReceptionMember;
};

/** A member's post on the reception team. */
export type ReceptionRole =
  /** An official of the community (neighbourhood) office. */
  | 'COMMUNITY_OFFICIAL'
  /** The chair of the owners' committee. */
  | 'OWNERS_COMMITTEE_CHAIR'
  /** The operator's project manager for the estate. */
  | 'PROJECT_MANAGER';

/** Record what a care visit found. */
export type RecordCareVisitInput = {
  /** A note, at most 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** What was found. */
  outcome: CareOutcome;
  /** The visit (open: no outcome yet). */
  visitId: Scalars['ID']['input'];
};

/** The visit after its outcome was recorded. */
export type RecordCareVisitPayload = {
  __typename?: 'RecordCareVisitPayload';
  /** The stream position of the last event this change appended (its care event, after the ticket's). */
  cursor?: Maybe<Scalars['String']['output']>;
  /** The visit as it is now. */
  visit: CareVisit;
};

/** Record a drill that was held. */
export type RecordDrillInput = {
  /** The building it was held in, if one. */
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  /** The estate (code). */
  communityCode: Scalars['String']['input'];
  /** What was found, at most 4,000 characters. */
  findings?: InputMaybe<Scalars['String']['input']>;
  /** When it was held (not in the future). */
  heldAt: Scalars['DateTime']['input'];
  /** What it rehearsed. */
  kind: DrillKind;
  /** Who led it; default the member of staff the token names. */
  leadId?: InputMaybe<Scalars['ID']['input']>;
  /** How many took part, 0 to 100,000. */
  participants: Scalars['Int']['input'];
  /** Where, 1–200 characters. */
  place: Scalars['String']['input'];
  /** The public space it was held in, if one. */
  spaceId?: InputMaybe<Scalars['ID']['input']>;
};

/** Record a liaison meeting with a residents' organisation. */
export type RecordLiaisonMeetingInput = {
  /** Residents who came, 0 to 100,000. */
  attendees: Scalars['Int']['input'];
  /** The estate (code). */
  communityCode: Scalars['String']['input'];
  /** When it was held (not in the future). */
  heldAt: Scalars['DateTime']['input'];
  /** The organisation met (an organisation of the estate). */
  organisationId: Scalars['ID']['input'];
  /** Where, 1–200 characters. */
  place: Scalars['String']['input'];
  /** What was said and agreed, at most 4,000 characters. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Tickets that came of it (tickets of the estate), at most 50. Issues raised at a reception day are linked to the day by `raiseReceptionIssue`. */
  ticketIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Record the result of an estate's satisfaction survey. */
export type RecordSurveyInput = {
  /** The estate, e.g. `LH`. */
  communityCode: Scalars['String']['input'];
  /** Who ran the survey and how, at most 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The period surveyed, written as figures write it: `2024`, `2024-Q4` or `2024-11`; from 2000, and started by today. */
  period: Scalars['String']['input'];
  /** How many people answered (1 or more), when known. */
  respondents?: InputMaybe<Scalars['Int']['input']>;
  /** The score, 0–100; stored to two decimals (rounded). */
  score: Scalars['Float']['input'];
};

/** The survey as recorded. */
export type RecordSurveyPayload = {
  __typename?: 'RecordSurveyPayload';
  /** True when it replaced a survey recorded earlier for the same estate and period. */
  replaced: Scalars['Boolean']['output'];
  /** The survey now on record for the estate and period. */
  survey: SatisfactionSurvey;
};

/** Register for an event. */
export type RegisterForEventInput = {
  /** The event. */
  eventId: Scalars['ID']['input'];
  /** Staff registering a resident who asked at the desk; residents register themselves and leave it out. */
  residentId?: InputMaybe<Scalars['ID']['input']>;
};

/** Act on a registration. */
export type RegistrationActionInput = {
  /** The registration. */
  registrationId: Scalars['ID']['input'];
};

/** A registration after a change. */
export type RegistrationPayload = {
  __typename?: 'RegistrationPayload';
  /** The stream position of the last change this appended. */
  cursor?: Maybe<Scalars['String']['output']>;
  /** The waiting registration that moved up into the place this freed, if any. */
  promoted?: Maybe<EventRegistration>;
  /** The registration as it is now. */
  registration: EventRegistration;
};

/** A resident's place at an event. */
export type RegistrationStatus =
  /** Withdrawn. */
  | 'CANCELLED'
  /** Within capacity: they have a place. */
  | 'CONFIRMED'
  /** Beyond capacity: waiting, in registration order, for a place to be freed. */
  | 'WAITLISTED';

/** Report something wrong found on a run: a PATROL ticket is raised with it. */
export type ReportAnomalyInput = {
  /** Where (a checkpoint of the run's route); the ticket is raised about its building or public space. */
  checkpointId: Scalars['ID']['input'];
  /** Your key for this report (1–100 characters). Sending the same key again returns the same anomaly and writes nothing. */
  idempotencyKey: Scalars['String']['input'];
  /** What is wrong. */
  kind: PatrolAnomalyKind;
  /** What the guard saw, at most 1,000 characters: it becomes the ticket's description. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The run (in progress). */
  runId: Scalars['ID']['input'];
};

/** The anomaly and the ticket it became. */
export type ReportAnomalyPayload = {
  __typename?: 'ReportAnomalyPayload';
  /** The anomaly. */
  anomaly: PatrolAnomaly;
  /** The stream position of the ticket's SUBMITTED event: follow it with `ticketEvents(after: cursor)`. */
  cursor?: Maybe<Scalars['String']['output']>;
};

/** A person living in a household. Name and phone are personal data. */
export type Resident = Node & {
  __typename?: 'Resident';
  /** The resident's own bookings (cancelled ones too), latest start first. Personal. */
  bookings?: Maybe<BookingConnection>;
  /** The groups the resident belongs to. Personal. */
  groups?: Maybe<Array<ResidentGroup>>;
  /** The resident's household. */
  household: Household;
  /** Global ID. A RESIDENT token's `sub` is this ID. */
  id: Scalars['ID']['output'];
  /** Full name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Mobile phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The resident's registrations, newest first. Personal. */
  registrations?: Maybe<EventRegistrationConnection>;
  /** Tickets this resident raised, newest first, paged. */
  tickets: TicketConnection;
};


/** A person living in a household. Name and phone are personal data. */
export type ResidentBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A person living in a household. Name and phone are personal data. */
export type ResidentRegistrationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A person living in a household. Name and phone are personal data. */
export type ResidentTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A themed group of residents the estate runs, with a resident who leads it
 * and a member of staff who liaises with it. Every token of the estate sees
 * the group and how many belong to it; who belongs is personal.
 */
export type ResidentGroup = Node & {
  __typename?: 'ResidentGroup';
  /** The estate. */
  community: Community;
  /** When the estate started it. */
  createdAt: Scalars['DateTime']['output'];
  /** What it does, as staff wrote it. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** The resident who leads it. Personal: staff only. */
  leader?: Maybe<Resident>;
  /** The member of staff who liaises with it. */
  liaison?: Maybe<Staff>;
  /** How many residents belong to it. */
  memberCount: Scalars['Int']['output'];
  /** Its members, in the order they joined. Each member's resident is personal: residents see their own household's. */
  members: GroupMemberConnection;
  /** Its name, unique in the estate. */
  name: Scalars['String']['output'];
  /** What it is about. */
  theme: GroupTheme;
};


/**
 * A themed group of residents the estate runs, with a resident who leads it
 * and a member of staff who liaises with it. Every token of the estate sees
 * the group and how many belong to it; who belongs is personal.
 */
export type ResidentGroupMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A residents' organisation of an estate (a party branch, a committee, a
 * resident group), paired with one member of the operator's staff: the "365"
 * liaison network.
 */
export type ResidentOrganisation = Node & {
  __typename?: 'ResidentOrganisation';
  /** The estate. */
  community: Community;
  /** Its contact people. */
  contacts: Array<OrganisationContact>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** What kind it is. */
  kind: OrganisationKind;
  /** The member of staff paired with it. */
  liaison?: Maybe<Staff>;
  /** Its liaison meetings, newest first, paged: staff and dashboards (FORBIDDEN for residents). */
  meetings?: Maybe<LiaisonMeetingConnection>;
  /** Its name, unique within the estate. */
  name: Scalars['String']['output'];
};


/**
 * A residents' organisation of an estate (a party branch, a committee, a
 * resident group), paired with one member of the operator's staff: the "365"
 * liaison network.
 */
export type ResidentOrganisationMeetingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** The organisation as added. */
export type ResidentOrganisationPayload = {
  __typename?: 'ResidentOrganisationPayload';
  /** The organisation. */
  organisation: ResidentOrganisation;
};

/** Percentiles of waiting times, in seconds. */
export type ResponseTimes = {
  __typename?: 'ResponseTimes';
  /** How many tickets (or dispatches) they are over: those raised in the period and answered so far. */
  count: Scalars['Int']['output'];
  /** The median, continuous (`percentile_cont`, interpolating between the two middle values), to 0.1 s; null when `count` is 0. */
  p50?: Maybe<Scalars['Float']['output']>;
  /** The 90th percentile, continuous, to 0.1 s; null when `count` is 0. */
  p90?: Maybe<Scalars['Float']['output']>;
};

/** The kind of token a request was made with. */
export type Role =
  /** An operator administrator. */
  | 'ADMIN'
  /** The hotline and dispatch desk (token subject: their Staff ID). */
  | 'DISPATCHER'
  /** A district dashboard: read-only, no personal data. */
  | 'DISTRICT'
  /** An outside integrator: read-only figures, no personal data. */
  | 'INTEGRATOR'
  /** An estate manager (token subject: their Staff ID). */
  | 'MANAGER'
  /** A resident (token subject: their Resident ID). */
  | 'RESIDENT'
  /** A squad member or steward (token subject: their Staff ID). */
  | 'STAFF'
  /** The server's own scheduled work (a care visit falling due); never the role of a token. */
  | 'SYSTEM';

/**
 * The figures an estate (or one of its grids) is judged by, for one period.
 * Each figure says which moment of a ticket puts it in a period. Counts are 0
 * for a period with no activity; averages, percentiles and shares are null
 * where there is nothing to average. No personal data: only counts and
 * aggregates of an estate's tickets, ratings and surveys. Readable by STAFF,
 * DISPATCHER, MANAGER, DISTRICT, INTEGRATOR and ADMIN tokens for their estates;
 * not by RESIDENT tokens (the figures aggregate every household's tickets,
 * which a resident may not read).
 */
export type Satisfaction = {
  __typename?: 'Satisfaction';
  /** The mean of those ratings, 1–5, to four decimals (multiply by 20 for a percentage); null when there were none. */
  averageRating?: Maybe<Scalars['Float']['output']>;
  /** The estate. */
  community: Community;
  /** Tickets of category COMPLAINT raised in the period (cancelled ones too). */
  complaintCount: Scalars['Int']['output'];
  /** complaintCount per 1,000 of `households`, to two decimals; null when there are no households. */
  complaintsPer1000Households?: Maybe<Scalars['Float']['output']>;
  /**
   * Emergency dispatches raised in the period whose outcome is decided: those
   * on scene, and those whose on-scene target passed with nobody there; the
   * denominator of `emergencyOnSceneWithinTarget`. Dispatches still within
   * their target are not counted yet.
   */
  emergencyCount: Scalars['Int']['output'];
  /**
   * The share (0–1, to four decimals) of `emergencyCount` on scene by their
   * target (`Dispatch.targetOnSceneAt`: the estate's target after dispatch, 15
   * minutes at the reference estate), measured from the dispatches' on-scene
   * times. Null when `emergencyCount` is 0.
   */
  emergencyOnSceneWithinTarget?: Maybe<Scalars['Float']['output']>;
  /** How long emergency dispatches raised in the period took to be on scene (dispatch to on scene), over those on scene so far. */
  emergencyResponseSeconds: ResponseTimes;
  /** The grid, when the filter asked for `perGrid`; null on estate buckets. */
  grid?: Maybe<Grid>;
  /** Households of the estate (or of the grid's buildings) now: the denominator of `complaintsPer1000Households`. */
  households: Scalars['Int']['output'];
  /** The period: `2024` (YEAR), `2024-Q4` (QUARTER) or `2024-11` (MONTH). */
  period: Scalars['String']['output'];
  /** The last day this bucket counts: the period's last day, or `to` when that is earlier. */
  periodEnd: Scalars['Date']['output'];
  /** The first day this bucket counts: the period's first day, or `from` when that is later. */
  periodStart: Scalars['Date']['output'];
  /** Ratings residents gave in the period (by when the ticket was rated, not when it was raised). */
  ratingCount: Scalars['Int']['output'];
  /** How long tickets raised in the period waited to be acknowledged (submitted to acknowledged). */
  responseSeconds: ResponseTimes;
  /** The survey behind `surveyScore`, with its details; null where `surveyScore` is. */
  survey?: Maybe<SatisfactionSurvey>;
  /**
   * The score (0–100) of the survey recorded for exactly this period and unit:
   * a yearly survey shows on YEAR buckets only, a quarterly one on QUARTER
   * buckets only, also when the bucket covers only part of its period. Null
   * when no survey was recorded for the period, and always on grid buckets
   * (surveys are of whole estates).
   */
  surveyScore?: Maybe<Scalars['Float']['output']>;
  /** Tickets raised in the period, of every category and status (cancelled ones too). */
  ticketsRaised: Scalars['Int']['output'];
  /** Tickets resolved in the period, each counted once, in the period of its last resolution (a reopened ticket resolved again moves to that period). */
  ticketsResolved: Scalars['Int']['output'];
};

/**
 * Which satisfaction figures to compute: estates, a date range and how to group
 * it. Every period from the one holding `from` to the one holding `to` is a
 * bucket, with zero counts where nothing happened; days outside `from`..`to`
 * are not counted, so the first and last bucket may cover part of their period
 * (see `periodStart` and `periodEnd`). At most 120 periods per request; dates
 * from 1900-01-01 to 2999-12-31.
 */
export type SatisfactionFilter = {
  /** Only these estates (codes); default: every estate the token covers. An estate the token does not cover is FORBIDDEN. */
  communityCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The first day counted (local date, inclusive). */
  from: Scalars['Date']['input'];
  /** How to group the days: one bucket per MONTH, QUARTER or YEAR. */
  groupBy: PeriodUnit;
  /**
   * True: one bucket per grid and period instead of one per estate and period,
   * grids of an estate in code order. Tickets about public spaces belong to no
   * grid, so an estate's grid buckets may add up to less than its estate bucket.
   */
  perGrid?: InputMaybe<Scalars['Boolean']['input']>;
  /** The last day counted (local date, inclusive); not before `from`. */
  to: Scalars['Date']['input'];
};

/**
 * The result of a satisfaction survey of one estate for one period (usually a
 * year), as the estate's manager recorded it.
 */
export type SatisfactionSurvey = {
  __typename?: 'SatisfactionSurvey';
  /** The estate surveyed. */
  community: Community;
  /** Free text recorded with it (who ran it, how): null with FORBIDDEN for DISTRICT and INTEGRATOR. */
  note?: Maybe<Scalars['String']['output']>;
  /** The period surveyed: `2024`, `2024-Q4` or `2024-11`. */
  period: Scalars['String']['output'];
  /** The period's last day (local date). */
  periodEnd: Scalars['Date']['output'];
  /** The period's first day (local date). */
  periodStart: Scalars['Date']['output'];
  /** When it was recorded (or last replaced). */
  recordedAt: Scalars['DateTime']['output'];
  /** How many people answered, when known. */
  respondents?: Maybe<Scalars['Int']['output']>;
  /** The score, 0–100, to two decimals. */
  score: Scalars['Float']['output'];
  /** Whether it covers a year, a quarter or a month. */
  unit: PeriodUnit;
};

/** Schedule an event in a public space; its space is booked in the same step. */
export type ScheduleEventInput = {
  /** Places: 1 to the space's capacity. */
  capacity: Scalars['Int']['input'];
  /** More about it, at most 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Until (exclusive). */
  endsAt: Scalars['DateTime']['input'];
  /** The group that runs it. */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** What kind of event. */
  kind: CommunityEventKind;
  /** The programme it belongs to, at most 120 characters. */
  programme?: InputMaybe<Scalars['String']['input']>;
  /** Where. */
  spaceId: Scalars['ID']['input'];
  /** From; in the future, inside one opening interval of the space with `endsAt`. */
  startsAt: Scalars['DateTime']['input'];
  /** Title, 1–200 characters, as announced. */
  title: Scalars['String']['input'];
};

/** Set one kind of care visit for a household (creates the plan, or changes the one of that kind). */
export type SetCarePlanInput = {
  /** A visit every this many days, 1 to 366. */
  everyDays: Scalars['Int']['input'];
  /** The household; it must have at least one care need. */
  householdId: Scalars['ID']['input'];
  /** What the visits are for. */
  kind: CareVisitKind;
  /** Why, at most 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** When the first (or next) visit falls due; default now. Ignored while a visit is open. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Put a member of staff on or off duty. */
export type SetDutyInput = {
  /** On duty (sent to emergencies) or not. */
  onDuty: Scalars['Boolean']['input'];
  /** Who; default: the member of staff the token names. */
  staffId?: InputMaybe<Scalars['ID']['input']>;
};

/** The member of staff after the change. */
export type SetDutyPayload = {
  __typename?: 'SetDutyPayload';
  /** As they are now. */
  staff: Staff;
};

/** One space in one month (estate local time). */
export type SpaceUtilisation = {
  __typename?: 'SpaceUtilisation';
  /** Hours booked (confirmed bookings starting in the month). */
  bookedHours: Scalars['Float']['output'];
  /** Confirmed bookings starting in the month. */
  bookings: Scalars['Int']['output'];
  /** The estate. */
  community: Community;
  /** The month, `2025-03`. */
  month: Scalars['String']['output'];
  /** Hours open in the month, from its opening hours. */
  openHours: Scalars['Float']['output'];
  /** The space. */
  space: PublicSpace;
  /** bookedHours / openHours; null when it was never open. */
  utilisation?: Maybe<Scalars['Float']['output']>;
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
  phone?: Maybe<Scalars['String']['output']>;
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

/** Start walking a route. */
export type StartPatrolInput = {
  /** The route. */
  routeId: Scalars['ID']['input'];
};

/** Raise a ticket. Give exactly one location: householdId, buildingId or spaceId. */
export type SubmitTicketInput = {
  /** The building it concerns, when it is not about one household. */
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  /** What it is about. */
  category: TicketCategory;
  /** How it reached you. */
  channel: TicketChannel;
  /** Details, at most 4,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The household it concerns (its building and grid follow). */
  householdId?: InputMaybe<Scalars['ID']['input']>;
  /** Your key for this submission (1–100 characters). Sending the same key again returns the same ticket and writes nothing. */
  idempotencyKey: Scalars['String']['input'];
  /** How urgent it is. */
  priority: TicketPriority;
  /** Staff only: the resident who called or walked in, so they can follow, cancel and rate it. */
  reporterId?: InputMaybe<Scalars['ID']['input']>;
  /** The public space it concerns. */
  spaceId?: InputMaybe<Scalars['ID']['input']>;
  /** Short summary, 1–200 characters. */
  title: Scalars['String']['input'];
};

/**
 * Live streams over the graphql-ws protocol on /graphql. Every event carries a
 * cursor; a client that reconnects with `after` gets exactly what it missed.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Care visits as they fall due, go overdue and are recorded, from the same
   * log and with the same resume guarantee as `ticketEvents`. Staff of the
   * estate see every household's; a RESIDENT their own household's; DISTRICT
   * and INTEGRATOR tokens none (they read the figures).
   */
  careEvents: CareEvent;
  /**
   * Bookings, events and registrations as they change, from the same log and
   * with the same guarantee as `ticketEvents`: with `after`, every change after
   * that cursor first, then live, with no gap and no duplicate. One stream for
   * both kinds, narrowed by `filter`: a front desk follows its space
   * (`spaceId`), an organiser an event (`eventId`). Every token of an estate
   * sees its changes; who booked, who registered and why stay personal as on
   * the objects themselves.
   */
  communityLifeChanges: CommunityLifeChange;
  /**
   * Dispatch changes as they commit, from the same log and with the same
   * guarantee as `ticketEvents`: with `after`, every event after that cursor
   * first, then live, with no gap and no duplicate. Desks, managers and
   * dashboards see every dispatch of the estates asked for; a STAFF token only
   * the dispatches it was sent to; a RESIDENT only those of their own tickets.
   */
  dispatchEvents: DispatchEvent;
  /**
   * Ticket changes as they commit, in one total order. With `after`: every
   * matching event after that cursor first, then live, with no gap and no
   * duplicate. Without: live from now. A subscriber that falls more than 1,000
   * events behind is closed (code 4413) and resumes from its cursor; an expired
   * token closes the connection (code 4401).
   */
  ticketEvents: TicketEvent;
};


/**
 * Live streams over the graphql-ws protocol on /graphql. Every event carries a
 * cursor; a client that reconnects with `after` gets exactly what it missed.
 */
export type SubscriptionCareEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  communityCodes?: InputMaybe<Array<Scalars['String']['input']>>;
};


/**
 * Live streams over the graphql-ws protocol on /graphql. Every event carries a
 * cursor; a client that reconnects with `after` gets exactly what it missed.
 */
export type SubscriptionCommunityLifeChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CommunityLifeFilter>;
};


/**
 * Live streams over the graphql-ws protocol on /graphql. Every event carries a
 * cursor; a client that reconnects with `after` gets exactly what it missed.
 */
export type SubscriptionDispatchEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  communityCodes?: InputMaybe<Array<Scalars['String']['input']>>;
};


/**
 * Live streams over the graphql-ws protocol on /graphql. Every event carries a
 * cursor; a client that reconnects with `after` gets exactly what it missed.
 */
export type SubscriptionTicketEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketEventFilter>;
};

/** A work order, complaint or request raised by a resident, the hotline or staff. */
export type Ticket = Node & {
  __typename?: 'Ticket';
  /** When staff acknowledged it. */
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was last assigned. */
  assignedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who is working on it; null until assigned. */
  assignee?: Maybe<Staff>;
  /** The building it concerns; null for a public space. */
  building?: Maybe<Building>;
  /** When it was cancelled. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** What it is about. */
  category: TicketCategory;
  /** How it reached the estate. */
  channel: TicketChannel;
  /** When it was closed. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The estate. */
  community: Community;
  /** When it was raised. */
  createdAt: Scalars['DateTime']['output'];
  /** Details, at most 4,000 characters; empty when none were given. */
  description?: Maybe<Scalars['String']['output']>;
  /** The emergency dispatch raised with this ticket; null when there is none. */
  dispatch?: Maybe<Dispatch>;
  /** Its escalation to community level; null while it stays at building level. */
  escalation?: Maybe<TicketEscalation>;
  /** The grid responsible for the building; null for a public space. */
  grid?: Maybe<Grid>;
  /** The household it concerns; null when it is not about one household. */
  household?: Maybe<Household>;
  /** Global ID. */
  id: Scalars['ID']['output'];
  /** Where it is handled: BUILDING until it is escalated. */
  level: TicketLevel;
  /** Human number, unique and gap-free per estate and year, e.g. `LH-2025-000123`. */
  number: Scalars['String']['output'];
  /** How urgent it is. */
  priority: TicketPriority;
  /** The public space it concerns, if any. */
  publicSpace?: Maybe<PublicSpace>;
  /** The reporter's rating; null until rated. */
  rating?: Maybe<TicketRating>;
  /** When it was last reopened. */
  reopenedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The resident who raised it; null when it was not raised by a resident (a patrol, a steward, a caller who is not a resident) or the resident's personal data was erased. */
  reporter?: Maybe<Resident>;
  /** The member of staff who raised it, if staff did. */
  reporterStaff?: Maybe<Staff>;
  /** Resolve by then to meet the resolution target of its priority. */
  resolveDueAt: Scalars['DateTime']['output'];
  /** When it was resolved; null while it is not resolved (again, after a reopen). */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Acknowledge by then to meet the response target of its priority. */
  responseDueAt: Scalars['DateTime']['output'];
  /** True when the response or resolution target was missed (or is overdue now). */
  slaBreached: Scalars['Boolean']['output'];
  /** When work first started. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the ticket is in its lifecycle. */
  status: TicketStatus;
  /** What happened to it, oldest first, paged. */
  timeline: TicketEventConnection;
  /** Short summary, at most 200 characters. */
  title?: Maybe<Scalars['String']['output']>;
  /** Increases with every change; send it back as `expectedVersion` to act only on what you saw. */
  version: Scalars['Int']['output'];
};


/** A work order, complaint or request raised by a resident, the hotline or staff. */
export type TicketTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Move a ticket on (acknowledge, start, resolve, reopen, cancel). */
export type TicketActionInput = {
  /** The version you last saw; when it is stale the move fails with VERSION_CONFLICT and nothing changes. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** A note for the timeline, at most 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The ticket. */
  ticketId: Scalars['ID']['input'];
};

/** Who made a change. */
export type TicketActor = {
  __typename?: 'TicketActor';
  /** The resident, when a resident made the change. */
  resident?: Maybe<Resident>;
  /** The role of the token used. */
  role: Role;
  /** The member of staff, when staff made the change. */
  staff?: Maybe<Staff>;
};

/** What a ticket is about. */
export type TicketCategory =
  /** A care visit or care request for a special-care household. */
  | 'CARE'
  /** Cleanliness of shared areas. */
  | 'CLEANING'
  /** A complaint about the service. */
  | 'COMPLAINT'
  /** Power, lighting, sockets. */
  | 'ELECTRICAL'
  /** Lifts. */
  | 'ELEVATOR'
  /** Fire safety. */
  | 'FIRE_SAFETY'
  /** Noise. */
  | 'NOISE'
  /** Anything else. */
  | 'OTHER'
  /** Parking. */
  | 'PARKING'
  /** Water, pipes, drains. */
  | 'PLUMBING'
  /** Safety and security. */
  | 'SECURITY'
  /** A suggestion. */
  | 'SUGGESTION';

/** How a ticket reached the estate. */
export type TicketChannel =
  /** The resident app. */
  | 'APP'
  /** Raised by the special-care schedule when a care visit fell due (see CareVisit). */
  | 'CARE_SCHEDULE'
  /** Raised by the community grid worker. */
  | 'GRID_WORKER'
  /** The 24-hour hotline. */
  | 'HOTLINE'
  /** Found by staff on patrol. */
  | 'PATROL'
  /** In person at the service station. */
  | 'WALK_IN';

/** A page of tickets, newest first. */
export type TicketConnection = {
  __typename?: 'TicketConnection';
  /** The items of this page with their cursors. */
  edges: Array<TicketEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, not just this page. */
  totalCount: Scalars['Int']['output'];
};

/** One ticket in a paged list. */
export type TicketEdge = {
  __typename?: 'TicketEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The ticket. */
  node: Ticket;
};

/** A ticket's move from building level to community level. */
export type TicketEscalation = {
  __typename?: 'TicketEscalation';
  /** When it was escalated. */
  escalatedAt: Scalars['DateTime']['output'];
  /** Who escalated it (the steward, the desk or a manager); null for an admin. */
  escalatedBy?: Maybe<Staff>;
  /** Why, in the escalator's words. */
  note?: Maybe<Scalars['String']['output']>;
  /** Who took it over: a member of the reception team, or the estate's manager. */
  takenOverBy: EscalationTaker;
};

/** One change of a ticket. Events are never changed or removed. */
export type TicketEvent = {
  __typename?: 'TicketEvent';
  /** Who did it. */
  actor: TicketActor;
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** Position in the live event stream: pass it as `after` to resume right after this event. Null for history recorded before the stream existed. */
  cursor?: Maybe<Scalars['String']['output']>;
  /** The status before; null when the status did not change. */
  fromStatus?: Maybe<TicketStatus>;
  /** Stable ID of the event. */
  id: Scalars['ID']['output'];
  /** The note left with the change, if any. */
  note?: Maybe<Scalars['String']['output']>;
  /** The ticket. */
  ticket: Ticket;
  /** The status after; null when the status did not change. */
  toStatus?: Maybe<TicketStatus>;
  /** What happened. */
  type: TicketEventType;
};

/** A page of a ticket's timeline, oldest first. */
export type TicketEventConnection = {
  __typename?: 'TicketEventConnection';
  /** The items of this page with their cursors. */
  edges: Array<TicketEventEdge>;
  /** Where this page sits in the whole timeline. */
  pageInfo: PageInfo;
  /** Number of events in the whole timeline. */
  totalCount: Scalars['Int']['output'];
};

/** One event in a paged timeline. */
export type TicketEventEdge = {
  __typename?: 'TicketEventEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: TicketEvent;
};

/**
 * Which ticket events to stream. Every field is optional; they combine with AND.
 * A RESIDENT's stream is narrowed to their own household and the tickets they
 * raised, whatever the filter says.
 */
export type TicketEventFilter = {
  /** Only tickets of this building. */
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these estates (codes); default: every estate the token covers. An estate the token does not cover is FORBIDDEN. */
  communityCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only tickets of this grid. */
  gridId?: InputMaybe<Scalars['ID']['input']>;
  /** Only tickets of these priorities. */
  priorities?: InputMaybe<Array<TicketPriority>>;
  /** Only this ticket. */
  ticketId?: InputMaybe<Scalars['ID']['input']>;
};

/** What happened to a ticket. */
export type TicketEventType =
  /** Staff acknowledged it. */
  | 'ACKNOWLEDGED'
  /** It was assigned to a member of staff. */
  | 'ASSIGNED'
  /** The reporter cancelled it. */
  | 'CANCELLED'
  /** It was closed. */
  | 'CLOSED'
  /** A comment was added. */
  | 'COMMENTED'
  /** It was taken from building level to community level (see Ticket.escalation). */
  | 'ESCALATED'
  /** The reporter rated it. */
  | 'RATED'
  /** The reporter or a manager reopened it. */
  | 'REOPENED'
  /** Staff resolved it. */
  | 'RESOLVED'
  /** Work started. */
  | 'STARTED'
  /** It was raised. */
  | 'SUBMITTED';

/** Which tickets to list. Every field is optional; they combine with AND. */
export type TicketFilter = {
  /** Only tickets assigned to this member of staff. */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** Only tickets of this building. */
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these categories. */
  categories?: InputMaybe<Array<TicketCategory>>;
  /** Only these estates (codes); default: every estate the token covers. An estate the token does not cover is FORBIDDEN. */
  communityCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only tickets raised at or after this instant. */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only tickets raised before this instant. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only tickets of this grid. */
  gridId?: InputMaybe<Scalars['ID']['input']>;
  /** Only tickets of this household. */
  householdId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these priorities. */
  priorities?: InputMaybe<Array<TicketPriority>>;
  /** Only these statuses. */
  statuses?: InputMaybe<Array<TicketStatus>>;
};

/**
 * Where a ticket is handled: "small matters stay in the building, big matters
 * stay in the community".
 */
export type TicketLevel =
  /** By the grid's steward and squad (where every ticket starts). */
  | 'BUILDING'
  /** Taken over by the reception team or the manager. */
  | 'COMMUNITY';

/** Tickets resolved in a period, and where. */
export type TicketLevelFigures = {
  __typename?: 'TicketLevelFigures';
  /** Resolved at building level, of all resolved; null when none were resolved. */
  buildingLevelShare?: Maybe<Scalars['Float']['output']>;
  /** Tickets escalated to community level in the period. */
  escalated: Scalars['Int']['output'];
  /** Tickets resolved (now RESOLVED or CLOSED) in the period. */
  resolved: Scalars['Int']['output'];
  /** Of those, resolved at building level (never escalated). */
  resolvedAtBuildingLevel: Scalars['Int']['output'];
};

/** The ticket after a change. */
export type TicketPayload = {
  __typename?: 'TicketPayload';
  /**
   * The stream position of the last event this change appended: subscribe to
   * `ticketEvents(after: cursor)` to follow the ticket from exactly here, with
   * nothing missed and nothing twice. For an idempotent resubmission, the cursor
   * of the original submission.
   */
  cursor?: Maybe<Scalars['String']['output']>;
  /** The ticket as it is now. */
  ticket: Ticket;
};

/** How urgent a ticket is; sets its response and resolution targets. */
export type TicketPriority =
  /** Danger to people or property: reach the scene within 15 minutes. */
  | 'EMERGENCY'
  /** Affects safety or many residents. */
  | 'HIGH'
  /** Can wait for a routine visit. */
  | 'LOW'
  /** Ordinary request. */
  | 'NORMAL';

/** The reporter's verdict on a resolved ticket. */
export type TicketRating = {
  __typename?: 'TicketRating';
  /** Free-text comment, if any. */
  comment?: Maybe<Scalars['String']['output']>;
  /** When it was rated. */
  ratedAt: Scalars['DateTime']['output'];
  /** 1 (very poor) to 5 (excellent). */
  score: Scalars['Int']['output'];
};

/**
 * Where a ticket is in its lifecycle:
 * SUBMITTED → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → CLOSED, CANCELLED before
 * work starts, REOPENED when the reporter rejects a resolution (back to work).
 */
export type TicketStatus =
  /** Staff have seen it; the response target is met from here. */
  | 'ACKNOWLEDGED'
  /** Withdrawn by the reporter before work started. Final. */
  | 'CANCELLED'
  /** Done and rated. Final. */
  | 'CLOSED'
  /** Someone is working on it. */
  | 'IN_PROGRESS'
  /** The reporter rejected the resolution; waiting to be worked again. */
  | 'REOPENED'
  /** Staff consider it done; the reporter may rate it (closing it) or reopen it. */
  | 'RESOLVED'
  /** Raised, nobody has responded yet. */
  | 'SUBMITTED';

/**
 * Who is asking, as the server understood the token: what a client shows as
 * "signed in as", and which estates its screens may offer.
 */
export type Viewer = {
  __typename?: 'Viewer';
  /** The estates the token covers, ordered by code: every estate for an ADMIN token without `communities`. */
  communities: Array<Community>;
  /** When the token stops being valid; null without a token. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The resident a RESIDENT token names. */
  resident?: Maybe<Resident>;
  /** The token's role; null without a token. */
  role?: Maybe<Role>;
  /** The member of staff a STAFF, DISPATCHER or MANAGER token names. */
  staff?: Maybe<Staff>;
  /** The token's subject (`sub`); null without a token. */
  subject?: Maybe<Scalars['String']['output']>;
};

/** A day of the week. */
export type Weekday =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';



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



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  EscalationTaker:
    | ( ReceptionMemberModel )
    | ( StaffModel )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  CommunityLifeChange:
    | ( BookingChangeModel )
    | ( CommunityEventChangeModel )
  ;
  Node:
    | ( BookingModel )
    | ( BuildingModel )
    | ( CarePlanModel )
    | ( CareVisitModel )
    | ( CommunityModel )
    | ( CommunityEventModel )
    | ( DispatchModel )
    | ( DrillModel )
    | ( EventRegistrationModel )
    | ( GridModel )
    | ( HouseholdModel )
    | ( LiaisonMeetingModel )
    | ( PatrolCheckpointModel )
    | ( PatrolRouteModel )
    | ( PatrolRunModel )
    | ( PublicSpaceModel )
    | ( ReceptionMemberModel )
    | ( ResidentModel )
    | ( ResidentGroupModel )
    | ( ResidentOrganisationModel )
    | ( StaffModel )
    | ( TicketModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AddReceptionMemberInput: AddReceptionMemberInput;
  AddResidentOrganisationInput: AddResidentOrganisationInput;
  AssignTicketInput: AssignTicketInput;
  BookSpaceInput: BookSpaceInput;
  Booking: ResolverTypeWrapper<BookingModel>;
  BookingChange: ResolverTypeWrapper<BookingChangeModel>;
  BookingChangeType: BookingChangeType;
  BookingConnection: ResolverTypeWrapper<Connection>;
  BookingEdge: ResolverTypeWrapper<Omit<BookingEdge, 'node'> & { node: ResolversTypes['Booking'] }>;
  BookingPayload: ResolverTypeWrapper<Omit<BookingPayload, 'booking'> & { booking: ResolversTypes['Booking'] }>;
  BookingStatus: BookingStatus;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Building: ResolverTypeWrapper<BuildingModel>;
  BuildingConnection: ResolverTypeWrapper<Connection>;
  BuildingEdge: ResolverTypeWrapper<Omit<BuildingEdge, 'node'> & { node: ResolversTypes['Building'] }>;
  CancelBookingInput: CancelBookingInput;
  CancelEventInput: CancelEventInput;
  CareEvent: ResolverTypeWrapper<CareEventModel>;
  CareEventType: CareEventType;
  CareFigures: ResolverTypeWrapper<CareFigures>;
  CareNeed: CareNeed;
  CareOutcome: CareOutcome;
  CarePlan: ResolverTypeWrapper<CarePlanModel>;
  CarePlanPayload: ResolverTypeWrapper<Omit<CarePlanPayload, 'plan'> & { plan: ResolversTypes['CarePlan'] }>;
  CareVisit: ResolverTypeWrapper<CareVisitModel>;
  CareVisitConnection: ResolverTypeWrapper<Connection>;
  CareVisitEdge: ResolverTypeWrapper<Omit<CareVisitEdge, 'node'> & { node: ResolversTypes['CareVisit'] }>;
  CareVisitFilter: CareVisitFilter;
  CareVisitKind: CareVisitKind;
  Community: ResolverTypeWrapper<CommunityModel>;
  CommunityConnection: ResolverTypeWrapper<Connection>;
  CommunityEdge: ResolverTypeWrapper<Omit<CommunityEdge, 'node'> & { node: ResolversTypes['Community'] }>;
  CommunityEvent: ResolverTypeWrapper<CommunityEventModel>;
  CommunityEventChange: ResolverTypeWrapper<CommunityEventChangeModel>;
  CommunityEventChangeConnection: ResolverTypeWrapper<Connection>;
  CommunityEventChangeEdge: ResolverTypeWrapper<Omit<CommunityEventChangeEdge, 'node'> & { node: ResolversTypes['CommunityEventChange'] }>;
  CommunityEventChangeType: CommunityEventChangeType;
  CommunityEventConnection: ResolverTypeWrapper<Connection>;
  CommunityEventEdge: ResolverTypeWrapper<Omit<CommunityEventEdge, 'node'> & { node: ResolversTypes['CommunityEvent'] }>;
  CommunityEventKind: CommunityEventKind;
  CommunityEventPayload: ResolverTypeWrapper<Omit<CommunityEventPayload, 'event'> & { event: ResolversTypes['CommunityEvent'] }>;
  CommunityEventStatus: CommunityEventStatus;
  CommunityLifeChange: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['CommunityLifeChange']>;
  CommunityLifeFigures: ResolverTypeWrapper<Figures>;
  CommunityLifeFiguresFilter: CommunityLifeFiguresFilter;
  CommunityLifeFilter: CommunityLifeFilter;
  CommunityLifeKind: CommunityLifeKind;
  CreateGroupInput: CreateGroupInput;
  CreatePatrolRouteInput: CreatePatrolRouteInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Dispatch: ResolverTypeWrapper<DispatchModel>;
  DispatchActionInput: DispatchActionInput;
  DispatchConnection: ResolverTypeWrapper<Connection>;
  DispatchEdge: ResolverTypeWrapper<Omit<DispatchEdge, 'node'> & { node: ResolversTypes['Dispatch'] }>;
  DispatchEvent: ResolverTypeWrapper<DispatchEventModel>;
  DispatchEventConnection: ResolverTypeWrapper<Connection>;
  DispatchEventEdge: ResolverTypeWrapper<Omit<DispatchEventEdge, 'node'> & { node: ResolversTypes['DispatchEvent'] }>;
  DispatchEventType: DispatchEventType;
  DispatchPayload: ResolverTypeWrapper<Omit<DispatchPayload, 'dispatch'> & { dispatch: ResolversTypes['Dispatch'] }>;
  DispatchStatus: DispatchStatus;
  DispatchUnit: ResolverTypeWrapper<DispatchUnitModel>;
  DispatchUnitReason: DispatchUnitReason;
  Drill: ResolverTypeWrapper<DrillModel>;
  DrillConnection: ResolverTypeWrapper<Connection>;
  DrillDue: ResolverTypeWrapper<DrillDueModel>;
  DrillEdge: ResolverTypeWrapper<Omit<DrillEdge, 'node'> & { node: ResolversTypes['Drill'] }>;
  DrillFigures: ResolverTypeWrapper<DrillFigures>;
  DrillKind: DrillKind;
  DrillPayload: ResolverTypeWrapper<Omit<DrillPayload, 'drill'> & { drill: ResolversTypes['Drill'] }>;
  DrillYear: ResolverTypeWrapper<DrillYear>;
  EndCarePlanInput: EndCarePlanInput;
  EraseResidentInput: EraseResidentInput;
  EraseResidentPayload: ResolverTypeWrapper<EraseResidentPayload>;
  EscalateTicketInput: EscalateTicketInput;
  EscalationTaker: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['EscalationTaker']>;
  EstateFigures: ResolverTypeWrapper<FiguresScopeModel>;
  EventAttendance: ResolverTypeWrapper<EventAttendanceRow>;
  EventRegistration: ResolverTypeWrapper<EventRegistrationModel>;
  EventRegistrationConnection: ResolverTypeWrapper<Connection>;
  EventRegistrationEdge: ResolverTypeWrapper<Omit<EventRegistrationEdge, 'node'> & { node: ResolversTypes['EventRegistration'] }>;
  FinishPatrolInput: FinishPatrolInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Grid: ResolverTypeWrapper<GridModel>;
  GridWorker: ResolverTypeWrapper<GridWorkerModel>;
  GroupMember: ResolverTypeWrapper<GroupMemberModel>;
  GroupMemberConnection: ResolverTypeWrapper<Connection>;
  GroupMemberEdge: ResolverTypeWrapper<Omit<GroupMemberEdge, 'node'> & { node: ResolversTypes['GroupMember'] }>;
  GroupMembership: ResolverTypeWrapper<GroupMembershipRow>;
  GroupMembershipInput: GroupMembershipInput;
  GroupPayload: ResolverTypeWrapper<Omit<GroupPayload, 'group'> & { group: ResolversTypes['ResidentGroup'] }>;
  GroupTheme: GroupTheme;
  Household: ResolverTypeWrapper<HouseholdModel>;
  HouseholdConnection: ResolverTypeWrapper<Connection>;
  HouseholdEdge: ResolverTypeWrapper<Omit<HouseholdEdge, 'node'> & { node: ResolversTypes['Household'] }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IncidentType: IncidentType;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LiaisonFigures: ResolverTypeWrapper<LiaisonFigures>;
  LiaisonMeeting: ResolverTypeWrapper<LiaisonMeetingModel>;
  LiaisonMeetingConnection: ResolverTypeWrapper<Connection>;
  LiaisonMeetingEdge: ResolverTypeWrapper<Omit<LiaisonMeetingEdge, 'node'> & { node: ResolversTypes['LiaisonMeeting'] }>;
  LiaisonMeetingPayload: ResolverTypeWrapper<Omit<LiaisonMeetingPayload, 'meeting'> & { meeting: ResolversTypes['LiaisonMeeting'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  OpeningHours: ResolverTypeWrapper<OpeningHoursModel>;
  OrganisationContact: ResolverTypeWrapper<OrganisationContactModel>;
  OrganisationContactInput: OrganisationContactInput;
  OrganisationKind: OrganisationKind;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PassCheckpointInput: PassCheckpointInput;
  PatrolAnomaly: ResolverTypeWrapper<PatrolAnomalyModel>;
  PatrolAnomalyKind: PatrolAnomalyKind;
  PatrolCheckpoint: ResolverTypeWrapper<PatrolCheckpointModel>;
  PatrolCheckpointInput: PatrolCheckpointInput;
  PatrolFigures: ResolverTypeWrapper<PatrolFigures>;
  PatrolPass: ResolverTypeWrapper<PatrolPassModel>;
  PatrolPassStatus: PatrolPassStatus;
  PatrolRoute: ResolverTypeWrapper<PatrolRouteModel>;
  PatrolRoutePayload: ResolverTypeWrapper<Omit<PatrolRoutePayload, 'route'> & { route: ResolversTypes['PatrolRoute'] }>;
  PatrolRun: ResolverTypeWrapper<PatrolRunModel>;
  PatrolRunConnection: ResolverTypeWrapper<Connection>;
  PatrolRunEdge: ResolverTypeWrapper<Omit<PatrolRunEdge, 'node'> & { node: ResolversTypes['PatrolRun'] }>;
  PatrolRunPayload: ResolverTypeWrapper<Omit<PatrolRunPayload, 'run'> & { run: ResolversTypes['PatrolRun'] }>;
  PatrolRunStatus: PatrolRunStatus;
  PeriodUnit: PeriodUnit;
  PersonalData: PersonalData;
  PublicSpace: ResolverTypeWrapper<PublicSpaceModel>;
  PublicSpaceKind: PublicSpaceKind;
  PublicSpaceStatus: PublicSpaceStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RaiseEmergencyInput: RaiseEmergencyInput;
  RaiseReceptionIssueInput: RaiseReceptionIssueInput;
  RateTicketInput: RateTicketInput;
  ReceptionIssuePayload: ResolverTypeWrapper<Omit<ReceptionIssuePayload, 'event' | 'ticket'> & { event: ResolversTypes['CommunityEvent'], ticket: ResolversTypes['Ticket'] }>;
  ReceptionMember: ResolverTypeWrapper<ReceptionMemberModel>;
  ReceptionMemberPayload: ResolverTypeWrapper<Omit<ReceptionMemberPayload, 'member'> & { member: ResolversTypes['ReceptionMember'] }>;
  ReceptionRole: ReceptionRole;
  RecordCareVisitInput: RecordCareVisitInput;
  RecordCareVisitPayload: ResolverTypeWrapper<Omit<RecordCareVisitPayload, 'visit'> & { visit: ResolversTypes['CareVisit'] }>;
  RecordDrillInput: RecordDrillInput;
  RecordLiaisonMeetingInput: RecordLiaisonMeetingInput;
  RecordSurveyInput: RecordSurveyInput;
  RecordSurveyPayload: ResolverTypeWrapper<RecordedSurvey>;
  RegisterForEventInput: RegisterForEventInput;
  RegistrationActionInput: RegistrationActionInput;
  RegistrationPayload: ResolverTypeWrapper<Omit<RegistrationPayload, 'promoted' | 'registration'> & { promoted?: Maybe<ResolversTypes['EventRegistration']>, registration: ResolversTypes['EventRegistration'] }>;
  RegistrationStatus: RegistrationStatus;
  ReportAnomalyInput: ReportAnomalyInput;
  ReportAnomalyPayload: ResolverTypeWrapper<Omit<ReportAnomalyPayload, 'anomaly'> & { anomaly: ResolversTypes['PatrolAnomaly'] }>;
  Resident: ResolverTypeWrapper<ResidentModel>;
  ResidentGroup: ResolverTypeWrapper<ResidentGroupModel>;
  ResidentOrganisation: ResolverTypeWrapper<ResidentOrganisationModel>;
  ResidentOrganisationPayload: ResolverTypeWrapper<Omit<ResidentOrganisationPayload, 'organisation'> & { organisation: ResolversTypes['ResidentOrganisation'] }>;
  ResponseTimes: ResolverTypeWrapper<ResponseTimes>;
  Role: Role;
  Satisfaction: ResolverTypeWrapper<SatisfactionBucket>;
  SatisfactionFilter: SatisfactionFilter;
  SatisfactionSurvey: ResolverTypeWrapper<SatisfactionSurveyModel>;
  ScheduleEventInput: ScheduleEventInput;
  SetCarePlanInput: SetCarePlanInput;
  SetDutyInput: SetDutyInput;
  SetDutyPayload: ResolverTypeWrapper<Omit<SetDutyPayload, 'staff'> & { staff: ResolversTypes['Staff'] }>;
  SpaceUtilisation: ResolverTypeWrapper<SpaceUtilisationRow>;
  Staff: ResolverTypeWrapper<StaffModel>;
  StaffConnection: ResolverTypeWrapper<Connection>;
  StaffEdge: ResolverTypeWrapper<Omit<StaffEdge, 'node'> & { node: ResolversTypes['Staff'] }>;
  StaffRole: StaffRole;
  StartPatrolInput: StartPatrolInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SubmitTicketInput: SubmitTicketInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Ticket: ResolverTypeWrapper<TicketModel>;
  TicketActionInput: TicketActionInput;
  TicketActor: ResolverTypeWrapper<TicketActorModel>;
  TicketCategory: TicketCategory;
  TicketChannel: TicketChannel;
  TicketConnection: ResolverTypeWrapper<Connection>;
  TicketEdge: ResolverTypeWrapper<Omit<TicketEdge, 'node'> & { node: ResolversTypes['Ticket'] }>;
  TicketEscalation: ResolverTypeWrapper<TicketEscalationModel>;
  TicketEvent: ResolverTypeWrapper<TicketEventModel>;
  TicketEventConnection: ResolverTypeWrapper<Connection>;
  TicketEventEdge: ResolverTypeWrapper<Omit<TicketEventEdge, 'node'> & { node: ResolversTypes['TicketEvent'] }>;
  TicketEventFilter: TicketEventFilter;
  TicketEventType: TicketEventType;
  TicketFilter: TicketFilter;
  TicketLevel: TicketLevel;
  TicketLevelFigures: ResolverTypeWrapper<TicketLevelFigures>;
  TicketPayload: ResolverTypeWrapper<Omit<TicketPayload, 'ticket'> & { ticket: ResolversTypes['Ticket'] }>;
  TicketPriority: TicketPriority;
  TicketRating: ResolverTypeWrapper<TicketRatingModel>;
  TicketStatus: TicketStatus;
  Viewer: ResolverTypeWrapper<ViewerModel>;
  Weekday: Weekday;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AddReceptionMemberInput: AddReceptionMemberInput;
  AddResidentOrganisationInput: AddResidentOrganisationInput;
  AssignTicketInput: AssignTicketInput;
  BookSpaceInput: BookSpaceInput;
  Booking: BookingModel;
  BookingChange: BookingChangeModel;
  BookingConnection: Connection;
  BookingEdge: Omit<BookingEdge, 'node'> & { node: ResolversParentTypes['Booking'] };
  BookingPayload: Omit<BookingPayload, 'booking'> & { booking: ResolversParentTypes['Booking'] };
  Boolean: Scalars['Boolean']['output'];
  Building: BuildingModel;
  BuildingConnection: Connection;
  BuildingEdge: Omit<BuildingEdge, 'node'> & { node: ResolversParentTypes['Building'] };
  CancelBookingInput: CancelBookingInput;
  CancelEventInput: CancelEventInput;
  CareEvent: CareEventModel;
  CareFigures: CareFigures;
  CarePlan: CarePlanModel;
  CarePlanPayload: Omit<CarePlanPayload, 'plan'> & { plan: ResolversParentTypes['CarePlan'] };
  CareVisit: CareVisitModel;
  CareVisitConnection: Connection;
  CareVisitEdge: Omit<CareVisitEdge, 'node'> & { node: ResolversParentTypes['CareVisit'] };
  CareVisitFilter: CareVisitFilter;
  Community: CommunityModel;
  CommunityConnection: Connection;
  CommunityEdge: Omit<CommunityEdge, 'node'> & { node: ResolversParentTypes['Community'] };
  CommunityEvent: CommunityEventModel;
  CommunityEventChange: CommunityEventChangeModel;
  CommunityEventChangeConnection: Connection;
  CommunityEventChangeEdge: Omit<CommunityEventChangeEdge, 'node'> & { node: ResolversParentTypes['CommunityEventChange'] };
  CommunityEventConnection: Connection;
  CommunityEventEdge: Omit<CommunityEventEdge, 'node'> & { node: ResolversParentTypes['CommunityEvent'] };
  CommunityEventPayload: Omit<CommunityEventPayload, 'event'> & { event: ResolversParentTypes['CommunityEvent'] };
  CommunityLifeChange: ResolversInterfaceTypes<ResolversParentTypes>['CommunityLifeChange'];
  CommunityLifeFigures: Figures;
  CommunityLifeFiguresFilter: CommunityLifeFiguresFilter;
  CommunityLifeFilter: CommunityLifeFilter;
  CreateGroupInput: CreateGroupInput;
  CreatePatrolRouteInput: CreatePatrolRouteInput;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Dispatch: DispatchModel;
  DispatchActionInput: DispatchActionInput;
  DispatchConnection: Connection;
  DispatchEdge: Omit<DispatchEdge, 'node'> & { node: ResolversParentTypes['Dispatch'] };
  DispatchEvent: DispatchEventModel;
  DispatchEventConnection: Connection;
  DispatchEventEdge: Omit<DispatchEventEdge, 'node'> & { node: ResolversParentTypes['DispatchEvent'] };
  DispatchPayload: Omit<DispatchPayload, 'dispatch'> & { dispatch: ResolversParentTypes['Dispatch'] };
  DispatchUnit: DispatchUnitModel;
  Drill: DrillModel;
  DrillConnection: Connection;
  DrillDue: DrillDueModel;
  DrillEdge: Omit<DrillEdge, 'node'> & { node: ResolversParentTypes['Drill'] };
  DrillFigures: DrillFigures;
  DrillPayload: Omit<DrillPayload, 'drill'> & { drill: ResolversParentTypes['Drill'] };
  DrillYear: DrillYear;
  EndCarePlanInput: EndCarePlanInput;
  EraseResidentInput: EraseResidentInput;
  EraseResidentPayload: EraseResidentPayload;
  EscalateTicketInput: EscalateTicketInput;
  EscalationTaker: ResolversUnionTypes<ResolversParentTypes>['EscalationTaker'];
  EstateFigures: FiguresScopeModel;
  EventAttendance: EventAttendanceRow;
  EventRegistration: EventRegistrationModel;
  EventRegistrationConnection: Connection;
  EventRegistrationEdge: Omit<EventRegistrationEdge, 'node'> & { node: ResolversParentTypes['EventRegistration'] };
  FinishPatrolInput: FinishPatrolInput;
  Float: Scalars['Float']['output'];
  Grid: GridModel;
  GridWorker: GridWorkerModel;
  GroupMember: GroupMemberModel;
  GroupMemberConnection: Connection;
  GroupMemberEdge: Omit<GroupMemberEdge, 'node'> & { node: ResolversParentTypes['GroupMember'] };
  GroupMembership: GroupMembershipRow;
  GroupMembershipInput: GroupMembershipInput;
  GroupPayload: Omit<GroupPayload, 'group'> & { group: ResolversParentTypes['ResidentGroup'] };
  Household: HouseholdModel;
  HouseholdConnection: Connection;
  HouseholdEdge: Omit<HouseholdEdge, 'node'> & { node: ResolversParentTypes['Household'] };
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  LiaisonFigures: LiaisonFigures;
  LiaisonMeeting: LiaisonMeetingModel;
  LiaisonMeetingConnection: Connection;
  LiaisonMeetingEdge: Omit<LiaisonMeetingEdge, 'node'> & { node: ResolversParentTypes['LiaisonMeeting'] };
  LiaisonMeetingPayload: Omit<LiaisonMeetingPayload, 'meeting'> & { meeting: ResolversParentTypes['LiaisonMeeting'] };
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  OpeningHours: OpeningHoursModel;
  OrganisationContact: OrganisationContactModel;
  OrganisationContactInput: OrganisationContactInput;
  PageInfo: PageInfo;
  PassCheckpointInput: PassCheckpointInput;
  PatrolAnomaly: PatrolAnomalyModel;
  PatrolCheckpoint: PatrolCheckpointModel;
  PatrolCheckpointInput: PatrolCheckpointInput;
  PatrolFigures: PatrolFigures;
  PatrolPass: PatrolPassModel;
  PatrolRoute: PatrolRouteModel;
  PatrolRoutePayload: Omit<PatrolRoutePayload, 'route'> & { route: ResolversParentTypes['PatrolRoute'] };
  PatrolRun: PatrolRunModel;
  PatrolRunConnection: Connection;
  PatrolRunEdge: Omit<PatrolRunEdge, 'node'> & { node: ResolversParentTypes['PatrolRun'] };
  PatrolRunPayload: Omit<PatrolRunPayload, 'run'> & { run: ResolversParentTypes['PatrolRun'] };
  PublicSpace: PublicSpaceModel;
  Query: Record<PropertyKey, never>;
  RaiseEmergencyInput: RaiseEmergencyInput;
  RaiseReceptionIssueInput: RaiseReceptionIssueInput;
  RateTicketInput: RateTicketInput;
  ReceptionIssuePayload: Omit<ReceptionIssuePayload, 'event' | 'ticket'> & { event: ResolversParentTypes['CommunityEvent'], ticket: ResolversParentTypes['Ticket'] };
  ReceptionMember: ReceptionMemberModel;
  ReceptionMemberPayload: Omit<ReceptionMemberPayload, 'member'> & { member: ResolversParentTypes['ReceptionMember'] };
  RecordCareVisitInput: RecordCareVisitInput;
  RecordCareVisitPayload: Omit<RecordCareVisitPayload, 'visit'> & { visit: ResolversParentTypes['CareVisit'] };
  RecordDrillInput: RecordDrillInput;
  RecordLiaisonMeetingInput: RecordLiaisonMeetingInput;
  RecordSurveyInput: RecordSurveyInput;
  RecordSurveyPayload: RecordedSurvey;
  RegisterForEventInput: RegisterForEventInput;
  RegistrationActionInput: RegistrationActionInput;
  RegistrationPayload: Omit<RegistrationPayload, 'promoted' | 'registration'> & { promoted?: Maybe<ResolversParentTypes['EventRegistration']>, registration: ResolversParentTypes['EventRegistration'] };
  ReportAnomalyInput: ReportAnomalyInput;
  ReportAnomalyPayload: Omit<ReportAnomalyPayload, 'anomaly'> & { anomaly: ResolversParentTypes['PatrolAnomaly'] };
  Resident: ResidentModel;
  ResidentGroup: ResidentGroupModel;
  ResidentOrganisation: ResidentOrganisationModel;
  ResidentOrganisationPayload: Omit<ResidentOrganisationPayload, 'organisation'> & { organisation: ResolversParentTypes['ResidentOrganisation'] };
  ResponseTimes: ResponseTimes;
  Satisfaction: SatisfactionBucket;
  SatisfactionFilter: SatisfactionFilter;
  SatisfactionSurvey: SatisfactionSurveyModel;
  ScheduleEventInput: ScheduleEventInput;
  SetCarePlanInput: SetCarePlanInput;
  SetDutyInput: SetDutyInput;
  SetDutyPayload: Omit<SetDutyPayload, 'staff'> & { staff: ResolversParentTypes['Staff'] };
  SpaceUtilisation: SpaceUtilisationRow;
  Staff: StaffModel;
  StaffConnection: Connection;
  StaffEdge: Omit<StaffEdge, 'node'> & { node: ResolversParentTypes['Staff'] };
  StartPatrolInput: StartPatrolInput;
  String: Scalars['String']['output'];
  SubmitTicketInput: SubmitTicketInput;
  Subscription: Record<PropertyKey, never>;
  Ticket: TicketModel;
  TicketActionInput: TicketActionInput;
  TicketActor: TicketActorModel;
  TicketConnection: Connection;
  TicketEdge: Omit<TicketEdge, 'node'> & { node: ResolversParentTypes['Ticket'] };
  TicketEscalation: TicketEscalationModel;
  TicketEvent: TicketEventModel;
  TicketEventConnection: Connection;
  TicketEventEdge: Omit<TicketEventEdge, 'node'> & { node: ResolversParentTypes['TicketEvent'] };
  TicketEventFilter: TicketEventFilter;
  TicketFilter: TicketFilter;
  TicketLevelFigures: TicketLevelFigures;
  TicketPayload: Omit<TicketPayload, 'ticket'> & { ticket: ResolversParentTypes['Ticket'] };
  TicketRating: TicketRatingModel;
  Viewer: ViewerModel;
};

export type PersonalDirectiveArgs = {
  of?: Maybe<PersonalData>;
};

export type PersonalDirectiveResolver<Result, Parent, ContextType = Context, Args = PersonalDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ScopedDirectiveArgs = { };

export type ScopedDirectiveResolver<Result, Parent, ContextType = Context, Args = ScopedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type BookingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Booking'] = ResolversParentTypes['Booking']> = {
  attendees?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bookedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  bookedBy?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  booker?: Resolver<Maybe<ResolversTypes['Resident']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['BookingChange']>, ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  event?: Resolver<Maybe<ResolversTypes['CommunityEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  space?: Resolver<ResolversTypes['PublicSpace'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BookingChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BookingChange'] = ResolversParentTypes['BookingChange']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  booking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType>;
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['BookingChangeType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BookingConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BookingConnection'] = ResolversParentTypes['BookingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['BookingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BookingEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BookingEdge'] = ResolversParentTypes['BookingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Booking'], ParentType, ContextType>;
};

export type BookingPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BookingPayload'] = ResolversParentTypes['BookingPayload']> = {
  booking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType>;
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BuildingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Building'] = ResolversParentTypes['Building']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  floors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grid?: Resolver<ResolversTypes['Grid'], ParentType, ContextType>;
  householdCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  households?: Resolver<ResolversTypes['HouseholdConnection'], ParentType, ContextType, Partial<BuildingHouseholdsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tickets?: Resolver<ResolversTypes['TicketConnection'], ParentType, ContextType, Partial<BuildingTicketsArgs>>;
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

export type CareEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CareEvent'] = ResolversParentTypes['CareEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  staff?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CareEventType'], ParentType, ContextType>;
  visit?: Resolver<ResolversTypes['CareVisit'], ParentType, ContextType>;
};

export type CareFiguresResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CareFigures'] = ResolversParentTypes['CareFigures']> = {
  done?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  doneOnTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  due?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nobodyHome?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTimeShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CarePlanResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CarePlan'] = ResolversParentTypes['CarePlan']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  everyDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  household?: Resolver<Maybe<ResolversTypes['Household']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CareVisitKind'], ParentType, ContextType>;
  nextDueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  visits?: Resolver<ResolversTypes['CareVisitConnection'], ParentType, ContextType, Partial<CarePlanVisitsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CarePlanPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CarePlanPayload'] = ResolversParentTypes['CarePlanPayload']> = {
  plan?: Resolver<ResolversTypes['CarePlan'], ParentType, ContextType>;
};

export type CareVisitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CareVisit'] = ResolversParentTypes['CareVisit']> = {
  deadlineAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  doneOnTime?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  dueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['CareEvent']>, ParentType, ContextType>;
  household?: Resolver<Maybe<ResolversTypes['Household']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CareVisitKind'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['CareOutcome']>, ParentType, ContextType>;
  outcomeNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  overdueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['CarePlan'], ParentType, ContextType>;
  recordedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  recordedBy?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  steward?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CareVisitConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CareVisitConnection'] = ResolversParentTypes['CareVisitConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CareVisitEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CareVisitEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CareVisitEdge'] = ResolversParentTypes['CareVisitEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CareVisit'], ParentType, ContextType>;
};

export type CommunityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Community'] = ResolversParentTypes['Community']> = {
  bookings?: Resolver<Maybe<ResolversTypes['BookingConnection']>, ParentType, ContextType, Partial<CommunityBookingsArgs>>;
  buildings?: Resolver<Maybe<ResolversTypes['BuildingConnection']>, ParentType, ContextType, Partial<CommunityBuildingsArgs>>;
  careVisits?: Resolver<Maybe<ResolversTypes['CareVisitConnection']>, ParentType, ContextType, Partial<CommunityCareVisitsArgs>>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dispatches?: Resolver<Maybe<ResolversTypes['DispatchConnection']>, ParentType, ContextType, Partial<CommunityDispatchesArgs>>;
  district?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  drillSchedule?: Resolver<Maybe<Array<ResolversTypes['DrillDue']>>, ParentType, ContextType>;
  drills?: Resolver<Maybe<ResolversTypes['DrillConnection']>, ParentType, ContextType, Partial<CommunityDrillsArgs>>;
  emergencyTargetMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  events?: Resolver<Maybe<ResolversTypes['CommunityEventConnection']>, ParentType, ContextType, Partial<CommunityEventsArgs>>;
  figures?: Resolver<Maybe<ResolversTypes['EstateFigures']>, ParentType, ContextType, Partial<CommunityFiguresArgs>>;
  floorAreaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grids?: Resolver<Maybe<Array<ResolversTypes['Grid']>>, ParentType, ContextType>;
  groups?: Resolver<Maybe<Array<ResolversTypes['ResidentGroup']>>, ParentType, ContextType>;
  householdCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  landAreaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  liaisonMeetings?: Resolver<Maybe<ResolversTypes['LiaisonMeetingConnection']>, ParentType, ContextType, Partial<CommunityLiaisonMeetingsArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisations?: Resolver<Maybe<Array<ResolversTypes['ResidentOrganisation']>>, ParentType, ContextType>;
  patrolRoutes?: Resolver<Maybe<Array<ResolversTypes['PatrolRoute']>>, ParentType, ContextType>;
  publicSpaces?: Resolver<Array<ResolversTypes['PublicSpace']>, ParentType, ContextType, Partial<CommunityPublicSpacesArgs>>;
  receptionTeam?: Resolver<Maybe<Array<ResolversTypes['ReceptionMember']>>, ParentType, ContextType>;
  residentCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  specialCareHouseholdCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  staff?: Resolver<Maybe<ResolversTypes['StaffConnection']>, ParentType, ContextType, Partial<CommunityStaffArgs>>;
  tickets?: Resolver<Maybe<ResolversTypes['TicketConnection']>, ParentType, ContextType, Partial<CommunityTicketsArgs>>;
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

export type CommunityEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityEvent'] = ResolversParentTypes['CommunityEvent']> = {
  attendedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  booking?: Resolver<Maybe<ResolversTypes['Booking']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changes?: Resolver<ResolversTypes['CommunityEventChangeConnection'], ParentType, ContextType, Partial<CommunityEventChangesArgs>>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  confirmedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['ResidentGroup']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issues?: Resolver<Array<ResolversTypes['Ticket']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CommunityEventKind'], ParentType, ContextType>;
  organiser?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  placesLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  programme?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registrations?: Resolver<ResolversTypes['EventRegistrationConnection'], ParentType, ContextType, Partial<CommunityEventRegistrationsArgs>>;
  serviceDay?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  space?: Resolver<ResolversTypes['PublicSpace'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CommunityEventStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  waitlistedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CommunityEventChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityEventChange'] = ResolversParentTypes['CommunityEventChange']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  event?: Resolver<ResolversTypes['CommunityEvent'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  registration?: Resolver<Maybe<ResolversTypes['EventRegistration']>, ParentType, ContextType>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CommunityEventChangeType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CommunityEventChangeConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityEventChangeConnection'] = ResolversParentTypes['CommunityEventChangeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CommunityEventChangeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CommunityEventChangeEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityEventChangeEdge'] = ResolversParentTypes['CommunityEventChangeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CommunityEventChange'], ParentType, ContextType>;
};

export type CommunityEventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityEventConnection'] = ResolversParentTypes['CommunityEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CommunityEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CommunityEventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityEventEdge'] = ResolversParentTypes['CommunityEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CommunityEvent'], ParentType, ContextType>;
};

export type CommunityEventPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityEventPayload'] = ResolversParentTypes['CommunityEventPayload']> = {
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  event?: Resolver<ResolversTypes['CommunityEvent'], ParentType, ContextType>;
};

export type CommunityLifeChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityLifeChange'] = ResolversParentTypes['CommunityLifeChange']> = {
  __resolveType: TypeResolveFn<'BookingChange' | 'CommunityEventChange', ParentType, ContextType>;
};

export type CommunityLifeFiguresResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommunityLifeFigures'] = ResolversParentTypes['CommunityLifeFigures']> = {
  eventAttendance?: Resolver<Array<ResolversTypes['EventAttendance']>, ParentType, ContextType>;
  groupMembership?: Resolver<Array<ResolversTypes['GroupMembership']>, ParentType, ContextType>;
  spaceUtilisation?: Resolver<Array<ResolversTypes['SpaceUtilisation']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DispatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Dispatch'] = ResolversParentTypes['Dispatch']> = {
  acknowledgedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  building?: Resolver<Maybe<ResolversTypes['Building']>, ParentType, ContextType>;
  clearedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  dispatchedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  escalations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grid?: Resolver<Maybe<ResolversTypes['Grid']>, ParentType, ContextType>;
  household?: Resolver<Maybe<ResolversTypes['Household']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  incidentType?: Resolver<ResolversTypes['IncidentType'], ParentType, ContextType>;
  managerFallback?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  onSceneAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  publicSpace?: Resolver<Maybe<ResolversTypes['PublicSpace']>, ParentType, ContextType>;
  responseSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DispatchStatus'], ParentType, ContextType>;
  targetOnSceneAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['DispatchEventConnection'], ParentType, ContextType, Partial<DispatchTimelineArgs>>;
  units?: Resolver<Array<ResolversTypes['DispatchUnit']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withinTarget?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DispatchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DispatchConnection'] = ResolversParentTypes['DispatchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DispatchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DispatchEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DispatchEdge'] = ResolversParentTypes['DispatchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Dispatch'], ParentType, ContextType>;
};

export type DispatchEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DispatchEvent'] = ResolversParentTypes['DispatchEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dispatch?: Resolver<ResolversTypes['Dispatch'], ParentType, ContextType>;
  fromStatus?: Resolver<Maybe<ResolversTypes['DispatchStatus']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toStatus?: Resolver<Maybe<ResolversTypes['DispatchStatus']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['DispatchEventType'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
};

export type DispatchEventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DispatchEventConnection'] = ResolversParentTypes['DispatchEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DispatchEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DispatchEventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DispatchEventEdge'] = ResolversParentTypes['DispatchEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DispatchEvent'], ParentType, ContextType>;
};

export type DispatchPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DispatchPayload'] = ResolversParentTypes['DispatchPayload']> = {
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dispatch?: Resolver<ResolversTypes['Dispatch'], ParentType, ContextType>;
};

export type DispatchUnitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DispatchUnit'] = ResolversParentTypes['DispatchUnit']> = {
  acknowledgedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dispatchedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['DispatchUnitReason'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['StaffRole'], ParentType, ContextType>;
  staff?: Resolver<ResolversTypes['Staff'], ParentType, ContextType>;
};

export type DrillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Drill'] = ResolversParentTypes['Drill']> = {
  building?: Resolver<Maybe<ResolversTypes['Building']>, ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  findings?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  heldAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DrillKind'], ParentType, ContextType>;
  lead?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  participants?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  place?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publicSpace?: Resolver<Maybe<ResolversTypes['PublicSpace']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DrillConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DrillConnection'] = ResolversParentTypes['DrillConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DrillEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DrillDueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DrillDue'] = ResolversParentTypes['DrillDue']> = {
  everyDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DrillKind'], ParentType, ContextType>;
  lastHeldAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  nextDueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type DrillEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DrillEdge'] = ResolversParentTypes['DrillEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Drill'], ParentType, ContextType>;
};

export type DrillFiguresResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DrillFigures'] = ResolversParentTypes['DrillFigures']> = {
  antiTerror?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byYear?: Resolver<Array<ResolversTypes['DrillYear']>, ParentType, ContextType>;
  fire?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DrillPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DrillPayload'] = ResolversParentTypes['DrillPayload']> = {
  drill?: Resolver<ResolversTypes['Drill'], ParentType, ContextType>;
};

export type DrillYearResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DrillYear'] = ResolversParentTypes['DrillYear']> = {
  antiTerror?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fire?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EraseResidentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EraseResidentPayload'] = ResolversParentTypes['EraseResidentPayload']> = {
  erasedResidentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventsKept?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ticketsKept?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EscalationTakerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EscalationTaker'] = ResolversParentTypes['EscalationTaker']> = {
  __resolveType: TypeResolveFn<'ReceptionMember' | 'Staff', ParentType, ContextType>;
};

export type EstateFiguresResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EstateFigures'] = ResolversParentTypes['EstateFigures']> = {
  care?: Resolver<ResolversTypes['CareFigures'], ParentType, ContextType>;
  drills?: Resolver<ResolversTypes['DrillFigures'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  liaison?: Resolver<ResolversTypes['LiaisonFigures'], ParentType, ContextType>;
  patrols?: Resolver<ResolversTypes['PatrolFigures'], ParentType, ContextType>;
  tickets?: Resolver<ResolversTypes['TicketLevelFigures'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type EventAttendanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventAttendance'] = ResolversParentTypes['EventAttendance']> = {
  attendanceRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  attended?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CommunityEventKind'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registrations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waitlisted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventRegistrationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventRegistration'] = ResolversParentTypes['EventRegistration']> = {
  attendedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  confirmedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  event?: Resolver<ResolversTypes['CommunityEvent'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resident?: Resolver<Maybe<ResolversTypes['Resident']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RegistrationStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EventRegistrationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventRegistrationConnection'] = ResolversParentTypes['EventRegistrationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EventRegistrationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventRegistrationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventRegistrationEdge'] = ResolversParentTypes['EventRegistrationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['EventRegistration'], ParentType, ContextType>;
};

export type GridResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Grid'] = ResolversParentTypes['Grid']> = {
  buildings?: Resolver<Array<ResolversTypes['Building']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  gridWorker?: Resolver<ResolversTypes['GridWorker'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  squad?: Resolver<Array<ResolversTypes['Staff']>, ParentType, ContextType>;
  steward?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  tickets?: Resolver<ResolversTypes['TicketConnection'], ParentType, ContextType, Partial<GridTicketsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type GridWorkerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GridWorker'] = ResolversParentTypes['GridWorker']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type GroupMemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMember'] = ResolversParentTypes['GroupMember']> = {
  group?: Resolver<ResolversTypes['ResidentGroup'], ParentType, ContextType>;
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resident?: Resolver<Maybe<ResolversTypes['Resident']>, ParentType, ContextType>;
};

export type GroupMemberConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMemberConnection'] = ResolversParentTypes['GroupMemberConnection']> = {
  edges?: Resolver<Array<ResolversTypes['GroupMemberEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GroupMemberEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMemberEdge'] = ResolversParentTypes['GroupMemberEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GroupMember'], ParentType, ContextType>;
};

export type GroupMembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMembership'] = ResolversParentTypes['GroupMembership']> = {
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  groups?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  theme?: Resolver<ResolversTypes['GroupTheme'], ParentType, ContextType>;
};

export type GroupPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupPayload'] = ResolversParentTypes['GroupPayload']> = {
  group?: Resolver<ResolversTypes['ResidentGroup'], ParentType, ContextType>;
};

export type HouseholdResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Household'] = ResolversParentTypes['Household']> = {
  building?: Resolver<ResolversTypes['Building'], ParentType, ContextType>;
  careNeeds?: Resolver<Maybe<Array<ResolversTypes['CareNeed']>>, ParentType, ContextType>;
  carePlans?: Resolver<Maybe<Array<ResolversTypes['CarePlan']>>, ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  floor?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  residents?: Resolver<Array<ResolversTypes['Resident']>, ParentType, ContextType>;
  specialCare?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  tickets?: Resolver<ResolversTypes['TicketConnection'], ParentType, ContextType, Partial<HouseholdTicketsArgs>>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type LiaisonFiguresResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LiaisonFigures'] = ResolversParentTypes['LiaisonFigures']> = {
  attendees?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meetings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  receptionDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ticketsRaised?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LiaisonMeetingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LiaisonMeeting'] = ResolversParentTypes['LiaisonMeeting']> = {
  attendees?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  heldAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['ResidentOrganisation'], ParentType, ContextType>;
  place?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedBy?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tickets?: Resolver<Array<ResolversTypes['Ticket']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LiaisonMeetingConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LiaisonMeetingConnection'] = ResolversParentTypes['LiaisonMeetingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['LiaisonMeetingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LiaisonMeetingEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LiaisonMeetingEdge'] = ResolversParentTypes['LiaisonMeetingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LiaisonMeeting'], ParentType, ContextType>;
};

export type LiaisonMeetingPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LiaisonMeetingPayload'] = ResolversParentTypes['LiaisonMeetingPayload']> = {
  meeting?: Resolver<ResolversTypes['LiaisonMeeting'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acknowledgeDispatch?: Resolver<ResolversTypes['DispatchPayload'], ParentType, ContextType, RequireFields<MutationAcknowledgeDispatchArgs, 'input'>>;
  acknowledgeTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationAcknowledgeTicketArgs, 'input'>>;
  addReceptionMember?: Resolver<ResolversTypes['ReceptionMemberPayload'], ParentType, ContextType, RequireFields<MutationAddReceptionMemberArgs, 'input'>>;
  addResidentOrganisation?: Resolver<ResolversTypes['ResidentOrganisationPayload'], ParentType, ContextType, RequireFields<MutationAddResidentOrganisationArgs, 'input'>>;
  arriveOnScene?: Resolver<ResolversTypes['DispatchPayload'], ParentType, ContextType, RequireFields<MutationArriveOnSceneArgs, 'input'>>;
  assignTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationAssignTicketArgs, 'input'>>;
  bookSpace?: Resolver<ResolversTypes['BookingPayload'], ParentType, ContextType, RequireFields<MutationBookSpaceArgs, 'input'>>;
  cancelBooking?: Resolver<ResolversTypes['BookingPayload'], ParentType, ContextType, RequireFields<MutationCancelBookingArgs, 'input'>>;
  cancelEvent?: Resolver<ResolversTypes['CommunityEventPayload'], ParentType, ContextType, RequireFields<MutationCancelEventArgs, 'input'>>;
  cancelRegistration?: Resolver<ResolversTypes['RegistrationPayload'], ParentType, ContextType, RequireFields<MutationCancelRegistrationArgs, 'input'>>;
  cancelTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationCancelTicketArgs, 'input'>>;
  clearDispatch?: Resolver<ResolversTypes['DispatchPayload'], ParentType, ContextType, RequireFields<MutationClearDispatchArgs, 'input'>>;
  closeTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationCloseTicketArgs, 'input'>>;
  createGroup?: Resolver<ResolversTypes['GroupPayload'], ParentType, ContextType, RequireFields<MutationCreateGroupArgs, 'input'>>;
  createPatrolRoute?: Resolver<ResolversTypes['PatrolRoutePayload'], ParentType, ContextType, RequireFields<MutationCreatePatrolRouteArgs, 'input'>>;
  endCarePlan?: Resolver<ResolversTypes['CarePlanPayload'], ParentType, ContextType, RequireFields<MutationEndCarePlanArgs, 'input'>>;
  eraseResident?: Resolver<ResolversTypes['EraseResidentPayload'], ParentType, ContextType, RequireFields<MutationEraseResidentArgs, 'input'>>;
  escalateTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationEscalateTicketArgs, 'input'>>;
  finishPatrol?: Resolver<ResolversTypes['PatrolRunPayload'], ParentType, ContextType, RequireFields<MutationFinishPatrolArgs, 'input'>>;
  joinGroup?: Resolver<ResolversTypes['GroupPayload'], ParentType, ContextType, RequireFields<MutationJoinGroupArgs, 'input'>>;
  leaveGroup?: Resolver<ResolversTypes['GroupPayload'], ParentType, ContextType, RequireFields<MutationLeaveGroupArgs, 'input'>>;
  passCheckpoint?: Resolver<ResolversTypes['PatrolRunPayload'], ParentType, ContextType, RequireFields<MutationPassCheckpointArgs, 'input'>>;
  raiseEmergency?: Resolver<ResolversTypes['DispatchPayload'], ParentType, ContextType, RequireFields<MutationRaiseEmergencyArgs, 'input'>>;
  raiseReceptionIssue?: Resolver<ResolversTypes['ReceptionIssuePayload'], ParentType, ContextType, RequireFields<MutationRaiseReceptionIssueArgs, 'input'>>;
  rateTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationRateTicketArgs, 'input'>>;
  recordAttendance?: Resolver<ResolversTypes['RegistrationPayload'], ParentType, ContextType, RequireFields<MutationRecordAttendanceArgs, 'input'>>;
  recordCareVisit?: Resolver<ResolversTypes['RecordCareVisitPayload'], ParentType, ContextType, RequireFields<MutationRecordCareVisitArgs, 'input'>>;
  recordDrill?: Resolver<ResolversTypes['DrillPayload'], ParentType, ContextType, RequireFields<MutationRecordDrillArgs, 'input'>>;
  recordLiaisonMeeting?: Resolver<ResolversTypes['LiaisonMeetingPayload'], ParentType, ContextType, RequireFields<MutationRecordLiaisonMeetingArgs, 'input'>>;
  recordSurvey?: Resolver<ResolversTypes['RecordSurveyPayload'], ParentType, ContextType, RequireFields<MutationRecordSurveyArgs, 'input'>>;
  registerForEvent?: Resolver<ResolversTypes['RegistrationPayload'], ParentType, ContextType, RequireFields<MutationRegisterForEventArgs, 'input'>>;
  reopenTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationReopenTicketArgs, 'input'>>;
  reportAnomaly?: Resolver<ResolversTypes['ReportAnomalyPayload'], ParentType, ContextType, RequireFields<MutationReportAnomalyArgs, 'input'>>;
  resolveTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationResolveTicketArgs, 'input'>>;
  scheduleEvent?: Resolver<ResolversTypes['CommunityEventPayload'], ParentType, ContextType, RequireFields<MutationScheduleEventArgs, 'input'>>;
  setCarePlan?: Resolver<ResolversTypes['CarePlanPayload'], ParentType, ContextType, RequireFields<MutationSetCarePlanArgs, 'input'>>;
  setDuty?: Resolver<ResolversTypes['SetDutyPayload'], ParentType, ContextType, RequireFields<MutationSetDutyArgs, 'input'>>;
  startPatrol?: Resolver<ResolversTypes['PatrolRunPayload'], ParentType, ContextType, RequireFields<MutationStartPatrolArgs, 'input'>>;
  startTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationStartTicketArgs, 'input'>>;
  submitTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationSubmitTicketArgs, 'input'>>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Booking' | 'Building' | 'CarePlan' | 'CareVisit' | 'Community' | 'CommunityEvent' | 'Dispatch' | 'Drill' | 'EventRegistration' | 'Grid' | 'Household' | 'LiaisonMeeting' | 'PatrolCheckpoint' | 'PatrolRoute' | 'PatrolRun' | 'PublicSpace' | 'ReceptionMember' | 'Resident' | 'ResidentGroup' | 'ResidentOrganisation' | 'Staff' | 'Ticket', ParentType, ContextType>;
};

export type OpeningHoursResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OpeningHours'] = ResolversParentTypes['OpeningHours']> = {
  closes?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  opens?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weekday?: Resolver<ResolversTypes['Weekday'], ParentType, ContextType>;
};

export type OrganisationContactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationContact'] = ResolversParentTypes['OrganisationContact']> = {
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PatrolAnomalyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PatrolAnomaly'] = ResolversParentTypes['PatrolAnomaly']> = {
  checkpoint?: Resolver<ResolversTypes['PatrolCheckpoint'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PatrolAnomalyKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reportedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  staff?: Resolver<ResolversTypes['Staff'], ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
};

export type PatrolCheckpointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PatrolCheckpoint'] = ResolversParentTypes['PatrolCheckpoint']> = {
  building?: Resolver<Maybe<ResolversTypes['Building']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  publicSpace?: Resolver<Maybe<ResolversTypes['PublicSpace']>, ParentType, ContextType>;
  route?: Resolver<ResolversTypes['PatrolRoute'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PatrolFiguresResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PatrolFigures'] = ResolversParentTypes['PatrolFigures']> = {
  anomalies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkpointsMissed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkpointsPassed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  coverage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  finished?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  runs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PatrolPassResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PatrolPass'] = ResolversParentTypes['PatrolPass']> = {
  checkpoint?: Resolver<ResolversTypes['PatrolCheckpoint'], ParentType, ContextType>;
  passedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PatrolPassStatus'], ParentType, ContextType>;
};

export type PatrolRouteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PatrolRoute'] = ResolversParentTypes['PatrolRoute']> = {
  checkpoints?: Resolver<Array<ResolversTypes['PatrolCheckpoint']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  currentRun?: Resolver<Maybe<ResolversTypes['PatrolRun']>, ParentType, ContextType>;
  everyMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nextStartDueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  runs?: Resolver<ResolversTypes['PatrolRunConnection'], ParentType, ContextType, Partial<PatrolRouteRunsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PatrolRoutePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PatrolRoutePayload'] = ResolversParentTypes['PatrolRoutePayload']> = {
  route?: Resolver<ResolversTypes['PatrolRoute'], ParentType, ContextType>;
};

export type PatrolRunResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PatrolRun'] = ResolversParentTypes['PatrolRun']> = {
  anomalies?: Resolver<Array<ResolversTypes['PatrolAnomaly']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  missedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  passedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  passes?: Resolver<Array<ResolversTypes['PatrolPass']>, ParentType, ContextType>;
  route?: Resolver<ResolversTypes['PatrolRoute'], ParentType, ContextType>;
  staff?: Resolver<ResolversTypes['Staff'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PatrolRunStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PatrolRunConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PatrolRunConnection'] = ResolversParentTypes['PatrolRunConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PatrolRunEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PatrolRunEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PatrolRunEdge'] = ResolversParentTypes['PatrolRunEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PatrolRun'], ParentType, ContextType>;
};

export type PatrolRunPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PatrolRunPayload'] = ResolversParentTypes['PatrolRunPayload']> = {
  run?: Resolver<ResolversTypes['PatrolRun'], ParentType, ContextType>;
};

export type PublicSpaceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PublicSpace'] = ResolversParentTypes['PublicSpace']> = {
  accessible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  bookings?: Resolver<Maybe<Array<ResolversTypes['Booking']>>, ParentType, ContextType, RequireFields<PublicSpaceBookingsArgs, 'from' | 'to'>>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PublicSpaceKind'], ParentType, ContextType>;
  maxAdvanceDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxBookingMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minLeadMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openingHours?: Resolver<Array<ResolversTypes['OpeningHours']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicSpaceStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  communities?: Resolver<ResolversTypes['CommunityConnection'], ParentType, ContextType, Partial<QueryCommunitiesArgs>>;
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType, RequireFields<QueryCommunityArgs, 'code'>>;
  communityLifeFigures?: Resolver<Maybe<ResolversTypes['CommunityLifeFigures']>, ParentType, ContextType, RequireFields<QueryCommunityLifeFiguresArgs, 'filter'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  satisfaction?: Resolver<Maybe<Array<ResolversTypes['Satisfaction']>>, ParentType, ContextType, RequireFields<QuerySatisfactionArgs, 'filter'>>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<QueryTicketArgs, 'number'>>;
  tickets?: Resolver<Maybe<ResolversTypes['TicketConnection']>, ParentType, ContextType, Partial<QueryTicketsArgs>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type ReceptionIssuePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceptionIssuePayload'] = ResolversParentTypes['ReceptionIssuePayload']> = {
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  event?: Resolver<ResolversTypes['CommunityEvent'], ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
};

export type ReceptionMemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceptionMember'] = ResolversParentTypes['ReceptionMember']> = {
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  post?: Resolver<ResolversTypes['ReceptionRole'], ParentType, ContextType>;
  staff?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReceptionMemberPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceptionMemberPayload'] = ResolversParentTypes['ReceptionMemberPayload']> = {
  member?: Resolver<ResolversTypes['ReceptionMember'], ParentType, ContextType>;
};

export type RecordCareVisitPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RecordCareVisitPayload'] = ResolversParentTypes['RecordCareVisitPayload']> = {
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  visit?: Resolver<ResolversTypes['CareVisit'], ParentType, ContextType>;
};

export type RecordSurveyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RecordSurveyPayload'] = ResolversParentTypes['RecordSurveyPayload']> = {
  replaced?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  survey?: Resolver<ResolversTypes['SatisfactionSurvey'], ParentType, ContextType>;
};

export type RegistrationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegistrationPayload'] = ResolversParentTypes['RegistrationPayload']> = {
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  promoted?: Resolver<Maybe<ResolversTypes['EventRegistration']>, ParentType, ContextType>;
  registration?: Resolver<ResolversTypes['EventRegistration'], ParentType, ContextType>;
};

export type ReportAnomalyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReportAnomalyPayload'] = ResolversParentTypes['ReportAnomalyPayload']> = {
  anomaly?: Resolver<ResolversTypes['PatrolAnomaly'], ParentType, ContextType>;
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ResidentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Resident'] = ResolversParentTypes['Resident']> = {
  bookings?: Resolver<Maybe<ResolversTypes['BookingConnection']>, ParentType, ContextType, Partial<ResidentBookingsArgs>>;
  groups?: Resolver<Maybe<Array<ResolversTypes['ResidentGroup']>>, ParentType, ContextType>;
  household?: Resolver<ResolversTypes['Household'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registrations?: Resolver<Maybe<ResolversTypes['EventRegistrationConnection']>, ParentType, ContextType, Partial<ResidentRegistrationsArgs>>;
  tickets?: Resolver<ResolversTypes['TicketConnection'], ParentType, ContextType, Partial<ResidentTicketsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ResidentGroupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ResidentGroup'] = ResolversParentTypes['ResidentGroup']> = {
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leader?: Resolver<Maybe<ResolversTypes['Resident']>, ParentType, ContextType>;
  liaison?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['GroupMemberConnection'], ParentType, ContextType, Partial<ResidentGroupMembersArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  theme?: Resolver<ResolversTypes['GroupTheme'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ResidentOrganisationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ResidentOrganisation'] = ResolversParentTypes['ResidentOrganisation']> = {
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['OrganisationContact']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OrganisationKind'], ParentType, ContextType>;
  liaison?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  meetings?: Resolver<Maybe<ResolversTypes['LiaisonMeetingConnection']>, ParentType, ContextType, Partial<ResidentOrganisationMeetingsArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ResidentOrganisationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ResidentOrganisationPayload'] = ResolversParentTypes['ResidentOrganisationPayload']> = {
  organisation?: Resolver<ResolversTypes['ResidentOrganisation'], ParentType, ContextType>;
};

export type ResponseTimesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ResponseTimes'] = ResolversParentTypes['ResponseTimes']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  p50?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p90?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type SatisfactionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Satisfaction'] = ResolversParentTypes['Satisfaction']> = {
  averageRating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  complaintCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  complaintsPer1000Households?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  emergencyCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  emergencyOnSceneWithinTarget?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  emergencyResponseSeconds?: Resolver<ResolversTypes['ResponseTimes'], ParentType, ContextType>;
  grid?: Resolver<Maybe<ResolversTypes['Grid']>, ParentType, ContextType>;
  households?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  ratingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  responseSeconds?: Resolver<ResolversTypes['ResponseTimes'], ParentType, ContextType>;
  survey?: Resolver<Maybe<ResolversTypes['SatisfactionSurvey']>, ParentType, ContextType>;
  surveyScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ticketsRaised?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ticketsResolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SatisfactionSurveyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SatisfactionSurvey'] = ResolversParentTypes['SatisfactionSurvey']> = {
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  respondents?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['PeriodUnit'], ParentType, ContextType>;
};

export type SetDutyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SetDutyPayload'] = ResolversParentTypes['SetDutyPayload']> = {
  staff?: Resolver<ResolversTypes['Staff'], ParentType, ContextType>;
};

export type SpaceUtilisationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SpaceUtilisation'] = ResolversParentTypes['SpaceUtilisation']> = {
  bookedHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bookings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  space?: Resolver<ResolversTypes['PublicSpace'], ParentType, ContextType>;
  utilisation?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type StaffResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Staff'] = ResolversParentTypes['Staff']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  grid?: Resolver<Maybe<ResolversTypes['Grid']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onDuty?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  careEvents?: SubscriptionResolver<ResolversTypes['CareEvent'], "careEvents", ParentType, ContextType, Partial<SubscriptionCareEventsArgs>>;
  communityLifeChanges?: SubscriptionResolver<ResolversTypes['CommunityLifeChange'], "communityLifeChanges", ParentType, ContextType, Partial<SubscriptionCommunityLifeChangesArgs>>;
  dispatchEvents?: SubscriptionResolver<ResolversTypes['DispatchEvent'], "dispatchEvents", ParentType, ContextType, Partial<SubscriptionDispatchEventsArgs>>;
  ticketEvents?: SubscriptionResolver<ResolversTypes['TicketEvent'], "ticketEvents", ParentType, ContextType, Partial<SubscriptionTicketEventsArgs>>;
};

export type TicketResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Ticket'] = ResolversParentTypes['Ticket']> = {
  acknowledgedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  assignedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  assignee?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  building?: Resolver<Maybe<ResolversTypes['Building']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['TicketCategory'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['TicketChannel'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dispatch?: Resolver<Maybe<ResolversTypes['Dispatch']>, ParentType, ContextType>;
  escalation?: Resolver<Maybe<ResolversTypes['TicketEscalation']>, ParentType, ContextType>;
  grid?: Resolver<Maybe<ResolversTypes['Grid']>, ParentType, ContextType>;
  household?: Resolver<Maybe<ResolversTypes['Household']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['TicketLevel'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['TicketPriority'], ParentType, ContextType>;
  publicSpace?: Resolver<Maybe<ResolversTypes['PublicSpace']>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['TicketRating']>, ParentType, ContextType>;
  reopenedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reporter?: Resolver<Maybe<ResolversTypes['Resident']>, ParentType, ContextType>;
  reporterStaff?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  resolveDueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  responseDueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  slaBreached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['TicketEventConnection'], ParentType, ContextType, Partial<TicketTimelineArgs>>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TicketActorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketActor'] = ResolversParentTypes['TicketActor']> = {
  resident?: Resolver<Maybe<ResolversTypes['Resident']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  staff?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
};

export type TicketConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketConnection'] = ResolversParentTypes['TicketConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TicketEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TicketEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketEdge'] = ResolversParentTypes['TicketEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
};

export type TicketEscalationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketEscalation'] = ResolversParentTypes['TicketEscalation']> = {
  escalatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  escalatedBy?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  takenOverBy?: Resolver<ResolversTypes['EscalationTaker'], ParentType, ContextType>;
};

export type TicketEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketEvent'] = ResolversParentTypes['TicketEvent']> = {
  actor?: Resolver<ResolversTypes['TicketActor'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fromStatus?: Resolver<Maybe<ResolversTypes['TicketStatus']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
  toStatus?: Resolver<Maybe<ResolversTypes['TicketStatus']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['TicketEventType'], ParentType, ContextType>;
};

export type TicketEventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketEventConnection'] = ResolversParentTypes['TicketEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TicketEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TicketEventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketEventEdge'] = ResolversParentTypes['TicketEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TicketEvent'], ParentType, ContextType>;
};

export type TicketLevelFiguresResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketLevelFigures'] = ResolversParentTypes['TicketLevelFigures']> = {
  buildingLevelShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  escalated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolvedAtBuildingLevel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TicketPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketPayload'] = ResolversParentTypes['TicketPayload']> = {
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
};

export type TicketRatingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketRating'] = ResolversParentTypes['TicketRating']> = {
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ratedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  communities?: Resolver<Array<ResolversTypes['Community']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resident?: Resolver<Maybe<ResolversTypes['Resident']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
  staff?: Resolver<Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Booking?: BookingResolvers<ContextType>;
  BookingChange?: BookingChangeResolvers<ContextType>;
  BookingConnection?: BookingConnectionResolvers<ContextType>;
  BookingEdge?: BookingEdgeResolvers<ContextType>;
  BookingPayload?: BookingPayloadResolvers<ContextType>;
  Building?: BuildingResolvers<ContextType>;
  BuildingConnection?: BuildingConnectionResolvers<ContextType>;
  BuildingEdge?: BuildingEdgeResolvers<ContextType>;
  CareEvent?: CareEventResolvers<ContextType>;
  CareFigures?: CareFiguresResolvers<ContextType>;
  CarePlan?: CarePlanResolvers<ContextType>;
  CarePlanPayload?: CarePlanPayloadResolvers<ContextType>;
  CareVisit?: CareVisitResolvers<ContextType>;
  CareVisitConnection?: CareVisitConnectionResolvers<ContextType>;
  CareVisitEdge?: CareVisitEdgeResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  CommunityConnection?: CommunityConnectionResolvers<ContextType>;
  CommunityEdge?: CommunityEdgeResolvers<ContextType>;
  CommunityEvent?: CommunityEventResolvers<ContextType>;
  CommunityEventChange?: CommunityEventChangeResolvers<ContextType>;
  CommunityEventChangeConnection?: CommunityEventChangeConnectionResolvers<ContextType>;
  CommunityEventChangeEdge?: CommunityEventChangeEdgeResolvers<ContextType>;
  CommunityEventConnection?: CommunityEventConnectionResolvers<ContextType>;
  CommunityEventEdge?: CommunityEventEdgeResolvers<ContextType>;
  CommunityEventPayload?: CommunityEventPayloadResolvers<ContextType>;
  CommunityLifeChange?: CommunityLifeChangeResolvers<ContextType>;
  CommunityLifeFigures?: CommunityLifeFiguresResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Dispatch?: DispatchResolvers<ContextType>;
  DispatchConnection?: DispatchConnectionResolvers<ContextType>;
  DispatchEdge?: DispatchEdgeResolvers<ContextType>;
  DispatchEvent?: DispatchEventResolvers<ContextType>;
  DispatchEventConnection?: DispatchEventConnectionResolvers<ContextType>;
  DispatchEventEdge?: DispatchEventEdgeResolvers<ContextType>;
  DispatchPayload?: DispatchPayloadResolvers<ContextType>;
  DispatchUnit?: DispatchUnitResolvers<ContextType>;
  Drill?: DrillResolvers<ContextType>;
  DrillConnection?: DrillConnectionResolvers<ContextType>;
  DrillDue?: DrillDueResolvers<ContextType>;
  DrillEdge?: DrillEdgeResolvers<ContextType>;
  DrillFigures?: DrillFiguresResolvers<ContextType>;
  DrillPayload?: DrillPayloadResolvers<ContextType>;
  DrillYear?: DrillYearResolvers<ContextType>;
  EraseResidentPayload?: EraseResidentPayloadResolvers<ContextType>;
  EscalationTaker?: EscalationTakerResolvers<ContextType>;
  EstateFigures?: EstateFiguresResolvers<ContextType>;
  EventAttendance?: EventAttendanceResolvers<ContextType>;
  EventRegistration?: EventRegistrationResolvers<ContextType>;
  EventRegistrationConnection?: EventRegistrationConnectionResolvers<ContextType>;
  EventRegistrationEdge?: EventRegistrationEdgeResolvers<ContextType>;
  Grid?: GridResolvers<ContextType>;
  GridWorker?: GridWorkerResolvers<ContextType>;
  GroupMember?: GroupMemberResolvers<ContextType>;
  GroupMemberConnection?: GroupMemberConnectionResolvers<ContextType>;
  GroupMemberEdge?: GroupMemberEdgeResolvers<ContextType>;
  GroupMembership?: GroupMembershipResolvers<ContextType>;
  GroupPayload?: GroupPayloadResolvers<ContextType>;
  Household?: HouseholdResolvers<ContextType>;
  HouseholdConnection?: HouseholdConnectionResolvers<ContextType>;
  HouseholdEdge?: HouseholdEdgeResolvers<ContextType>;
  LiaisonFigures?: LiaisonFiguresResolvers<ContextType>;
  LiaisonMeeting?: LiaisonMeetingResolvers<ContextType>;
  LiaisonMeetingConnection?: LiaisonMeetingConnectionResolvers<ContextType>;
  LiaisonMeetingEdge?: LiaisonMeetingEdgeResolvers<ContextType>;
  LiaisonMeetingPayload?: LiaisonMeetingPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  OpeningHours?: OpeningHoursResolvers<ContextType>;
  OrganisationContact?: OrganisationContactResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PatrolAnomaly?: PatrolAnomalyResolvers<ContextType>;
  PatrolCheckpoint?: PatrolCheckpointResolvers<ContextType>;
  PatrolFigures?: PatrolFiguresResolvers<ContextType>;
  PatrolPass?: PatrolPassResolvers<ContextType>;
  PatrolRoute?: PatrolRouteResolvers<ContextType>;
  PatrolRoutePayload?: PatrolRoutePayloadResolvers<ContextType>;
  PatrolRun?: PatrolRunResolvers<ContextType>;
  PatrolRunConnection?: PatrolRunConnectionResolvers<ContextType>;
  PatrolRunEdge?: PatrolRunEdgeResolvers<ContextType>;
  PatrolRunPayload?: PatrolRunPayloadResolvers<ContextType>;
  PublicSpace?: PublicSpaceResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReceptionIssuePayload?: ReceptionIssuePayloadResolvers<ContextType>;
  ReceptionMember?: ReceptionMemberResolvers<ContextType>;
  ReceptionMemberPayload?: ReceptionMemberPayloadResolvers<ContextType>;
  RecordCareVisitPayload?: RecordCareVisitPayloadResolvers<ContextType>;
  RecordSurveyPayload?: RecordSurveyPayloadResolvers<ContextType>;
  RegistrationPayload?: RegistrationPayloadResolvers<ContextType>;
  ReportAnomalyPayload?: ReportAnomalyPayloadResolvers<ContextType>;
  Resident?: ResidentResolvers<ContextType>;
  ResidentGroup?: ResidentGroupResolvers<ContextType>;
  ResidentOrganisation?: ResidentOrganisationResolvers<ContextType>;
  ResidentOrganisationPayload?: ResidentOrganisationPayloadResolvers<ContextType>;
  ResponseTimes?: ResponseTimesResolvers<ContextType>;
  Satisfaction?: SatisfactionResolvers<ContextType>;
  SatisfactionSurvey?: SatisfactionSurveyResolvers<ContextType>;
  SetDutyPayload?: SetDutyPayloadResolvers<ContextType>;
  SpaceUtilisation?: SpaceUtilisationResolvers<ContextType>;
  Staff?: StaffResolvers<ContextType>;
  StaffConnection?: StaffConnectionResolvers<ContextType>;
  StaffEdge?: StaffEdgeResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Ticket?: TicketResolvers<ContextType>;
  TicketActor?: TicketActorResolvers<ContextType>;
  TicketConnection?: TicketConnectionResolvers<ContextType>;
  TicketEdge?: TicketEdgeResolvers<ContextType>;
  TicketEscalation?: TicketEscalationResolvers<ContextType>;
  TicketEvent?: TicketEventResolvers<ContextType>;
  TicketEventConnection?: TicketEventConnectionResolvers<ContextType>;
  TicketEventEdge?: TicketEventEdgeResolvers<ContextType>;
  TicketLevelFigures?: TicketLevelFiguresResolvers<ContextType>;
  TicketPayload?: TicketPayloadResolvers<ContextType>;
  TicketRating?: TicketRatingResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  personal?: PersonalDirectiveResolver<any, any, ContextType>;
  scoped?: ScopedDirectiveResolver<any, any, ContextType>;
};
