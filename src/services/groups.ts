import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GroupMember, ResidentGroup, type Resident } from '../entities';
import type { CreateGroupInput, GroupMembershipInput } from '../generated/graphql';
import type { Context } from '../context';
import { badInput, forbidden, notFound, unauthenticated } from '../errors';
import { isEstateCode } from '../auth';
import { expectGlobalId } from '../ids';
import { actingFor, type Acting } from './bookings';
import { limitedText, lookUp } from './ticket-input';

/**
 * Resident groups: the estate starts them (a manager), residents join and
 * leave (themselves, or staff for them). Membership is personal; a group's
 * name, theme and size are not.
 */

export const NAME_LIMIT = 120;
export const GROUP_DESCRIPTION_LIMIT = 1000;

const hidden = (type: string) => notFound(`No ${type} with this ID is visible to you`);

/** Starts a group (MANAGER of the estate, ADMIN); its leader becomes its first member. */
export async function createGroup(ctx: Context, input: CreateGroupInput): Promise<ResidentGroup> {
  const { role, staffCommunityId, scope } = ctx.viewer;
  if (!role) throw unauthenticated('Sign in to start a group');
  let communityId = staffCommunityId;
  if (input.communityCode != null) {
    const community = isEstateCode(input.communityCode) ? await ctx.loaders.communityByCode.load(input.communityCode) : null;
    if (!community || !(scope === 'ALL' || scope.has(community.id))) throw notFound('No estate with this code is visible to you');
    communityId = community.id;
  }
  // What the input names is looked up before the role counts (NOT_FOUND first); malformed IDs are bad values, refused below.
  const leader = await lookUp(input.leaderId, 'Resident', ctx.loaders.resident);
  const liaison = await lookUp(input.liaisonId, 'Staff', ctx.loaders.staff);
  if (role !== 'MANAGER' && role !== 'ADMIN') throw forbidden('Only a manager of the estate or an admin starts a group');
  if (communityId === undefined) throw badInput('communityCode is required: this token works in no estate of its own', 'communityCode');
  if (staffCommunityId !== undefined && staffCommunityId !== communityId) throw forbidden('You manage another estate');
  const name = limitedText(input.name, 'name', NAME_LIMIT, true)!;
  const description = limitedText(input.description, 'description', GROUP_DESCRIPTION_LIMIT, false);
  if (input.leaderId != null) {
    expectGlobalId(input.leaderId, 'Resident', 'leaderId');
    if (leader!.community.id !== communityId) throw badInput('leaderId must be a resident of the estate', 'leaderId');
  }
  if (input.liaisonId != null) {
    expectGlobalId(input.liaisonId, 'Staff', 'liaisonId');
    if (liaison!.community.id !== communityId) throw badInput('liaisonId must be a member of staff of the estate', 'liaisonId');
  }
  try {
    return await ctx.em.transactional(async (em) => {
      const now = new Date();
      const group = em.create(ResidentGroup, {
        community: communityId, name, theme: input.theme, description, leader: leader?.id ?? null, liaison: liaison?.id ?? null, createdAt: now,
      } as never);
      if (leader) em.create(GroupMember, { community: communityId, group, resident: leader.id, household: leader.household.id, joinedAt: now } as never);
      await em.flush();
      return group;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw badInput('The estate already has a group of this name', 'name');
    throw error;
  }
}

/** The group and resident a membership change is about, checked in the contract's order. */
async function membership(ctx: Context, input: GroupMembershipInput, what: string): Promise<{ group: ResidentGroup; resident: Resident; acting: Acting }> {
  if (!ctx.viewer.role) throw unauthenticated(`Sign in to ${what}`);
  const group = await ctx.loaders.residentGroup.load(expectGlobalId(input.groupId, 'ResidentGroup', 'groupId'));
  if (!group) throw hidden('ResidentGroup');
  // The resident named is looked up before who is acting counts (NOT_FOUND first); a malformed ID is a bad value, refused below.
  const named = await lookUp(input.residentId, 'Resident', ctx.loaders.resident);
  const acting = await actingFor(ctx, group.community.id, what);
  if (acting.resident) {
    if (input.residentId != null && expectGlobalId(input.residentId, 'Resident', 'residentId') !== acting.resident.id) {
      throw forbidden('Residents join and leave groups for themselves only');
    }
    return { group, resident: acting.resident, acting };
  }
  if (input.residentId == null) throw badInput('residentId is required when staff act for a resident', 'residentId');
  expectGlobalId(input.residentId, 'Resident', 'residentId');
  const resident = named!;
  if (resident.community.id !== group.community.id) throw badInput('residentId must be a resident of the group\'s estate', 'residentId');
  return { group, resident, acting };
}

/** Adds a resident to a group; joining twice changes nothing. */
export async function joinGroup(ctx: Context, input: GroupMembershipInput): Promise<ResidentGroup> {
  const { group, resident } = await membership(ctx, input, 'join groups');
  await ctx.em.execute(
    `insert into group_member (community_id, group_id, resident_id, household_id, joined_at) values (?, ?, ?, ?, now())
     on conflict (group_id, resident_id) do nothing`, [group.community.id, group.id, resident.id, resident.household.id]);
  return group;
}

/** Removes a resident from a group; a leader who leaves stops leading it. Leaving a group one is not in changes nothing. */
export async function leaveGroup(ctx: Context, input: GroupMembershipInput): Promise<ResidentGroup> {
  const { group, resident } = await membership(ctx, input, 'leave groups');
  return ctx.em.transactional(async (em) => {
    await em.execute('delete from group_member where group_id = ? and resident_id = ?', [group.id, resident.id]);
    await em.execute('update resident_group set leader_id = null where id = ? and leader_id = ?', [group.id, resident.id]);
    return { ...group, leader: group.leader?.id === resident.id ? null : group.leader };
  });
}
