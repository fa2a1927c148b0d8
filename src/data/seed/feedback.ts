/**
 * Feedback threads on goals, key results, KPIs, reviews and people: praise,
 * suggestions, questions and notes from managers and colleagues, in the
 * writer's language, with @mentions and replies.
 */
import type { Feedback, FeedbackKind, FeedbackSubjectKind, FeedbackVisibility, Id } from '../../model/records.js';
import { FEEDBACK_ON_PERSON, FEEDBACK_ON_REVIEW, FEEDBACK_ON_WORK, FEEDBACK_REPLIES } from './content/phrases.js';
import { HOUR_MS, toIsoDateTime } from './calendar.js';
import type { SeededRandom, WeightedChoice } from './random.js';
import { fillTemplate } from './text.js';
import type { Company, CycleContext, IdSequences, StaffMember } from './world.js';

/** Something feedback can be about, and whose it is. */
export interface FeedbackTopic {
  readonly kind: Exclude<FeedbackSubjectKind, 'person'>;
  readonly id: Id;
  /** The goal's, key result's or KPI's title, quoted in the message. */
  readonly label: string;
  /** Staff index of the person the subject belongs to (owner, or reviewee). */
  readonly personIndex: number;
}

const WORK_KINDS: readonly WeightedChoice<FeedbackKind>[] = [
  ['praise', 35],
  ['suggestion', 25],
  ['question', 25],
  ['note', 15],
];

const VISIBILITIES: readonly WeightedChoice<FeedbackVisibility>[] = [
  ['public', 70],
  ['manager', 15],
  ['private', 15],
];

const REPLY_COUNTS: readonly WeightedChoice<number>[] = [
  [0, 30],
  [1, 40],
  [2, 20],
  [3, 10],
];

export interface FeedbackPlan {
  readonly threads: number;
  readonly topics: readonly FeedbackTopic[];
  /** Threads the demo opens with: the manager persona on the employee persona's goal, and so on. */
  readonly featured: readonly { topic: FeedbackTopic; authorIndex: number; kind: FeedbackKind }[];
}

export function buildFeedback(random: SeededRandom, company: Company, cycle: CycleContext, plan: FeedbackPlan, now: number, ids: IdSequences): Feedback[] {
  const { staff } = company;
  const feedback: Feedback[] = [];
  const windowStart = cycle.startMs;
  const windowEnd = now - 2 * HOUR_MS;
  const managerOf = (member: StaffMember): StaffMember | undefined => staff[member.managerIndex];
  const teammateOf = (member: StaffMember): StaffMember | undefined => {
    const team = company.teams[member.teamIndex];
    const others = team ? [team.leaderIndex, ...team.memberIndices].filter((index) => index !== member.index) : [];
    return others.length > 0 ? staff[random.pick(others)] : managerOf(member);
  };
  const mention = (person: StaffMember): string => `@${person.person.name}`;

  const post = (input: {
    subject: Feedback['subject'];
    author: StaffMember;
    parentId: Id | null;
    kind: FeedbackKind;
    visibility: FeedbackVisibility;
    body: string;
    mentions: Id[];
    createdMs: number;
  }): Feedback => {
    // One message in twelve was edited a little after posting.
    const editedMs = random.chance(1 / 12) ? input.createdMs + random.int(2, 60) * 60_000 : null;
    const edited = editedMs !== null && editedMs < now;
    const createdAt = toIsoDateTime(input.createdMs);
    const editedAt = edited ? toIsoDateTime(editedMs) : null;
    const message: Feedback = {
      id: ids.feedback(),
      version: edited ? 2 : 1,
      updatedAt: editedAt ?? createdAt,
      subject: input.subject,
      authorId: input.author.person.id,
      parentId: input.parentId,
      kind: input.kind,
      visibility: input.visibility,
      body: input.body,
      mentions: input.mentions,
      createdAt,
      editedAt,
    };
    feedback.push(message);
    return message;
  };

  /** Replies alternate between the subject's person (or their manager) and the author. */
  const reply = (root: Feedback, author: StaffMember, subjectPerson: StaffMember, createdMs: number): void => {
    const count = random.pickWeighted(REPLY_COUNTS);
    let parent = root;
    let previousAuthor = author;
    let at = createdMs;
    for (let index = 0; index < count; index += 1) {
      const replier = previousAuthor === subjectPerson ? author : subjectPerson === author ? (managerOf(author) ?? author) : subjectPerson;
      at += random.int(1, 30) * HOUR_MS;
      if (at > windowEnd) return;
      const template = random.pick(FEEDBACK_REPLIES[replier.language]);
      const mentions = template.includes('{mention}') ? [previousAuthor.person.id] : [];
      parent = post({
        subject: root.subject,
        author: replier,
        parentId: parent.id,
        kind: 'note',
        visibility: root.visibility,
        body: fillTemplate(template, { mention: mention(previousAuthor) }),
        mentions,
        createdMs: at,
      });
      previousAuthor = replier;
    }
  };

  const threadOnTopic = (topic: FeedbackTopic, author: StaffMember, kind: FeedbackKind, createdMs: number): void => {
    const subjectPerson = staff[topic.personIndex] as StaffMember;
    if (topic.kind === 'review') {
      const root = post({
        subject: { kind: 'review', id: topic.id },
        author,
        parentId: null,
        kind: 'note',
        // Talk about a review stays between HR and the reviewee's managers.
        visibility: 'manager',
        body: random.pick(FEEDBACK_ON_REVIEW.note[author.language]),
        mentions: [],
        createdMs,
      });
      const manager = managerOf(subjectPerson);
      const answeredMs = createdMs + random.int(2, 30) * HOUR_MS;
      if (manager && manager !== author && answeredMs <= windowEnd) {
        post({
          subject: root.subject,
          author: manager,
          parentId: root.id,
          kind: 'note',
          visibility: 'manager',
          body: random.pick(FEEDBACK_ON_REVIEW.answer[manager.language]),
          mentions: [],
          createdMs: answeredMs,
        });
      }
      return;
    }
    const template = random.pick(FEEDBACK_ON_WORK[kind === 'praise' || kind === 'suggestion' || kind === 'question' ? kind : 'note'][author.language]);
    const mentioned = template.includes('{mention}') ? (teammateOf(subjectPerson) ?? subjectPerson) : null;
    const root = post({
      subject: { kind: topic.kind, id: topic.id },
      author,
      parentId: null,
      kind,
      visibility: random.pickWeighted(VISIBILITIES),
      body: fillTemplate(template, { subject: topic.label, mention: mentioned ? mention(mentioned) : '' }),
      mentions: mentioned ? [mentioned.person.id] : [],
      createdMs,
    });
    reply(root, author, subjectPerson, createdMs);
  };

  const threadOnPerson = (subjectPerson: StaffMember, createdMs: number): void => {
    const author = random.chance(0.4) ? (managerOf(subjectPerson) ?? teammateOf(subjectPerson)) : teammateOf(subjectPerson);
    if (!author || author === subjectPerson) return;
    const kind = random.pickWeighted<'praise' | 'suggestion'>([['praise', 75], ['suggestion', 25]]);
    const root = post({
      subject: { kind: 'person', id: subjectPerson.person.id },
      author,
      parentId: null,
      kind,
      visibility: kind === 'praise' ? random.pickWeighted<FeedbackVisibility>([['public', 80], ['manager', 20]]) : random.pickWeighted<FeedbackVisibility>([['private', 60], ['manager', 40]]),
      body: fillTemplate(random.pick(FEEDBACK_ON_PERSON[kind][author.language]), { name: mention(subjectPerson) }),
      mentions: [subjectPerson.person.id],
      createdMs,
    });
    reply(root, author, subjectPerson, createdMs);
  };

  // Threads are posted in time order, so ids and dates agree.
  const times = Array.from({ length: plan.threads + plan.featured.length }, () => windowStart + random.next() * Math.max(0, windowEnd - windowStart)).sort(
    (left, right) => left - right,
  );
  const featuredAt = new Set(random.sample([...times.keys()], plan.featured.length));
  let featuredIndex = 0;
  const workTopics = plan.topics.filter((topic) => topic.kind !== 'review');
  const reviewTopics = plan.topics.filter((topic) => topic.kind === 'review');
  times.forEach((createdMs, index) => {
    const featured = featuredAt.has(index) ? plan.featured[featuredIndex++] : undefined;
    if (featured) {
      threadOnTopic(featured.topic, staff[featured.authorIndex] as StaffMember, featured.kind, createdMs);
      return;
    }
    const choice = random.pickWeighted<'work' | 'person' | 'review'>([
      ['work', workTopics.length > 0 ? 75 : 0],
      ['person', 20],
      ['review', reviewTopics.length > 0 ? 5 : 0],
    ]);
    if (choice === 'person') {
      threadOnPerson(staff[random.int(1, staff.length - 1)] as StaffMember, createdMs);
    } else if (choice === 'review') {
      const topic = random.pick(reviewTopics);
      const hrPeople = staff.filter((member) => member.functionKey === 'people' && member.index !== topic.personIndex);
      threadOnTopic(topic, hrPeople.length > 0 ? random.pick(hrPeople) : (staff[company.hrHeadIndex] as StaffMember), 'note', createdMs);
    } else {
      const topic = random.pick(workTopics);
      const owner = staff[topic.personIndex] as StaffMember;
      // Feedback on work comes from the manager, a teammate, or someone in another team who depends on it.
      const author = random.pickWeighted<StaffMember | undefined>([
        [managerOf(owner), 40],
        [teammateOf(owner), 35],
        [staff[random.int(0, staff.length - 1)], 25],
      ]);
      if (!author || author === owner) return;
      threadOnTopic(topic, author, random.pickWeighted(WORK_KINDS), createdMs);
    }
  });
  return feedback;
}
