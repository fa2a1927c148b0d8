/**
 * What people write day to day: check-in notes and blockers, adjustment
 * reasons, approval comments, work-log lines, feedback and review comments.
 * Each list is written in both languages (not translated line by line: each
 * reads the way a colleague in that language would put it).
 */
import type { Language } from '../text.js';

export type Phrases = Readonly<Record<Language, readonly string[]>>;

/** How a key result is going at a check-in; picks the tone of the note. */
export type CheckInMood = 'done' | 'ahead' | 'onTrack' | 'behind' | 'stalled';

/** `{value}` is the value checked in. */
export const CHECK_IN_NOTES: Readonly<Record<CheckInMood, Phrases>> = {
  done: {
    zh: ['已达成目标，本季度剩余时间以巩固为主。', '目标提前完成，已同步给团队。', '今天正式完成，感谢大家的支持！', '达成 {value}，后续转入日常监控。'],
    en: ['Done! Holding the line for the rest of the quarter.', 'Target reached early; shared the results with the team.', 'Completed today — thanks to everyone who helped.', 'Reached {value}; moving this to routine monitoring.'],
  },
  ahead: {
    zh: ['进展超出预期，当前 {value}。', '本周推进顺利，比计划提前约一周。', '新方案效果明显，数据持续向好。', '提前完成本月节点，下周开始下一阶段。', '当前 {value}，照这个节奏可以提前达成。'],
    en: ['Ahead of plan, now at {value}.', 'Good week: about a week ahead of schedule.', 'The new approach is paying off; numbers keep improving.', 'Hit this month\'s checkpoint early; starting the next phase.', 'At {value} — at this pace we finish early.'],
  },
  onTrack: {
    zh: ['按计划推进，当前 {value}。', '本周完成既定任务，节奏正常。', '进展符合预期，下周重点是联调。', '数据稳定提升，保持现有节奏。', '已与相关团队对齐下阶段计划。', '小幅波动，整体仍在计划内。'],
    en: ['On track, now at {value}.', 'Finished what we planned this week.', 'Progressing as expected; integration testing next week.', 'Steady improvement, keeping the pace.', 'Aligned next steps with the partner teams.', 'A small dip this week, still within plan.'],
  },
  behind: {
    zh: ['进度略慢于计划，当前 {value}，下周加派人手。', '受外部依赖影响，本周推进有限。', '比计划落后约两周，正在调整方案。', '数据提升不及预期，正在分析原因。', '资源紧张，优先保障核心部分。'],
    en: ['Slower than planned at {value}; adding a pair of hands next week.', 'Limited progress this week because of an external dependency.', 'About two weeks behind; reworking the plan.', 'Improvement is below expectations; digging into the cause.', 'Stretched thin — focusing on the core scope first.'],
  },
  stalled: {
    zh: ['本周无进展，等待依赖方排期。', '暂停推进，需要经理协调资源。', '方案仍在评审中，进度暂时停滞。', '仍停留在 {value}，与预期差距较大，考虑申请调整目标。'],
    en: ['No progress this week; waiting for the other team\'s schedule.', 'Paused until my manager helps with resourcing.', 'Proposal still in review, so this is on hold.', 'Still at {value}; far off the target, may ask to adjust it.'],
  },
};

export const BLOCKERS: Phrases = {
  zh: ['等待供应商样品到货', '测试环境不稳定，联调反复失败', '法务尚未完成合同审核', '预算审批流程尚未走完', '关键岗位同事休假两周', '依赖的平台接口延期交付', '渠道方库存数据未及时同步', '海关清关时间延长'],
  en: ['Waiting on supplier samples', 'Staging keeps failing integration runs', 'Legal has not finished reviewing the contract', 'Budget approval still pending', 'A key teammate is out for two weeks', 'The platform API we depend on slipped', 'Partner inventory data arrives late', 'Customs clearance is taking longer than planned'],
};

export const ADJUSTMENT_REASONS: Readonly<Record<'lower' | 'raise' | 'postpone', Phrases>> = {
  lower: {
    zh: ['受上游芯片供应紧张影响，量产推迟两周，经评估下调目标。', '渠道方缩减了备货计划，目标相应调整。', '团队一名成员调岗，产能下降，与经理确认后下调。'],
    en: ['A component shortage pushed production back two weeks; lowered the target after review.', 'Partners cut their stock plans, so the target follows.', 'A teammate moved to another project; agreed a lower target with the manager.'],
  },
  raise: {
    zh: ['第一个月进展超出预期，经与经理确认上调目标。', '新渠道效果好于预估，上调本季度目标。'],
    en: ['Well ahead after month one; raised the target with the manager.', 'The new channel performs better than forecast, so we raised the bar.'],
  },
  postpone: {
    zh: ['依赖的平台接口延期交付，截止日期顺延两周。', '评审会改期，里程碑相应后移。'],
    en: ['A dependency slipped, so the due date moves two weeks.', 'The review board was rescheduled; the milestone moves with it.'],
  },
};

export const APPROVAL_COMMENTS: Phrases = {
  zh: ['同意，加油！', '目标清晰，同意。', '可以，注意和相关部门同步节奏。'],
  en: ['Looks good, go for it.', 'Approved — nice and measurable.', 'Approved; keep the partner teams in the loop.'],
};

export const REJECTION_COMMENTS: Phrases = {
  zh: ['关键结果不够可衡量，请补充具体的基线和目标值。', '与团队目标的关联不清楚，请说明如何支撑上级目标。', '目标范围过大，建议拆成两个目标。'],
  en: ['The key results are hard to measure — please add a baseline and a target.', 'I can\'t see how this supports the team goal; can you make the link explicit?', 'This is too broad; consider splitting it into two goals.'],
};

/** Work-log lines that are not check-ins. */
export const WORK_LOG_LINES: Phrases = {
  zh: ['参加季度 OKR 对齐会', '与供应商开会讨论交期', '整理用户反馈并同步给产品', '面试两位候选人', '完成周报并发给团队', '评审同事的设计方案', '客户现场拜访', '参加跨部门项目例会', '编写技术方案文档', '与经理一对一沟通'],
  en: ['Quarterly OKR alignment meeting', 'Call with a supplier about lead times', 'Sorted customer feedback and shared it with product', 'Interviewed two candidates', 'Wrote the weekly update', 'Reviewed a teammate\'s design doc', 'Customer visit', 'Cross-team project sync', 'Drafted the technical proposal', '1:1 with my manager'],
};

/** How a check-in reads in the work log: the text before the key result's title, and between it and the value. */
export const WORK_LOG_CHECK_IN: Readonly<Record<Language, readonly [before: string, between: string]>> = {
  zh: ['进展更新：', ' → '],
  en: ['Check-in: ', ' → '],
};

// ── Feedback ──────────────────────────────────────────────────────────────

/** `{subject}` is what the feedback is on (a goal, key result or KPI); `{mention}` an @name. */
export const FEEDBACK_ON_WORK: Readonly<Record<'praise' | 'suggestion' | 'question' | 'note', Phrases>> = {
  praise: {
    zh: ['「{subject}」这周的进展很漂亮，辛苦了！', '看到「{subject}」的数据持续向好，给团队点赞。', '{mention} 这次配合得很到位，「{subject}」能提前完成离不开你。', '方案思路清晰，执行也很扎实，值得大家学习。'],
    en: ['Great progress on "{subject}" this week — well done!', 'Love seeing "{subject}" trending up. Kudos to the team.', '{mention} made a big difference here; "{subject}" is ahead thanks to you.', 'Clear plan, solid execution. Others can learn from this.'],
  },
  suggestion: {
    zh: ['建议把「{subject}」拆成每周的小目标，便于跟踪。', '可以考虑复用 {mention} 团队现有的工具，节省开发时间。', '关键结果里最好补充基线数据，方便大家判断进展。', '建议下次进展更新时附上数据来源。'],
    en: ['Suggest breaking "{subject}" into weekly checkpoints so it is easier to track.', 'Maybe reuse what {mention}\'s team built instead of starting from scratch?', 'Adding the baseline would make progress easier to read.', 'Could you link the data source in your next check-in?'],
  },
  question: {
    zh: ['「{subject}」目前最大的风险是什么？需要我协调什么资源吗？', '这个目标和 {mention} 那边的项目有依赖吗？', '进度落后的原因是什么？预计什么时候能追上？', '这里的数据口径是按自然周还是按订单日期统计的？'],
    en: ['What is the biggest risk on "{subject}" right now? Anything I can unblock?', 'Does this depend on {mention}\'s project?', 'What is behind the slip, and when do you expect to catch up?', 'Is this counted by calendar week or by order date?'],
  },
  note: {
    zh: ['已在周会上同步「{subject}」的最新进展。', '备注：下月起数据口径调整为含税金额。', '相关会议纪要已发到群里，{mention} 请查收。'],
    en: ['Shared the latest on "{subject}" in the weekly sync.', 'Note: from next month the figures include tax.', 'Meeting notes are in the channel — {mention}, please take a look.'],
  },
};

/** Feedback about a person: `{name}` is theirs. */
export const FEEDBACK_ON_PERSON: Readonly<Record<'praise' | 'suggestion', Phrases>> = {
  praise: {
    zh: ['{name} 本季度主动承担了跨团队的协调工作，非常靠谱。', '感谢 {name} 在大促期间连续加班保障发货！', '{name} 的分享让新同事少走了很多弯路。'],
    en: ['{name} quietly took on the cross-team coordination this quarter — very reliable.', 'Thank you {name} for keeping shipments going during the sales event!', '{name}\'s walkthrough saved our new joiners a lot of time.'],
  },
  suggestion: {
    zh: ['建议 {name} 多在周会上分享经验，对团队帮助很大。', '{name} 可以更早同步风险，大家好一起想办法。'],
    en: ['{name}, share more in the weekly sync — it really helps the team.', '{name}, flag risks a little earlier so we can help sooner.'],
  },
};

/** Feedback on a review, between HR and the reviewee's manager: HR's note, then the manager's answer. */
export const FEEDBACK_ON_REVIEW: Readonly<Record<'note' | 'answer', Phrases>> = {
  note: {
    zh: ['评分与目标完成情况有出入，校准会上请重点讨论。', '评分和目标结果差异较大，请补充具体事例说明评分依据。'],
    en: ['The rating and the goal results disagree — let us discuss this in calibration.', 'The rating and the goal results are far apart; please add concrete examples behind the rating.'],
  },
  answer: {
    zh: ['同意，校准会上我会说明评分依据。', '好的，我补充一下具体事例。'],
    en: ['Agreed — I will explain the rating in calibration.', 'Fair point; I will add concrete examples.'],
  },
};

/** `{mention}` is the person replied to. */
export const FEEDBACK_REPLIES: Phrases = {
  zh: ['谢谢，会继续保持！', '好的，我下周补充数据。', '主要风险是供应商交期，已经在跟进，有需要会找你。', '收到，已经调整。', '同意，{mention} 我们周四一起过一下？', '口径是按订单日期，我在备注里补充了说明。'],
  en: ['Thanks, will keep it up!', 'Good point — I will add the data next week.', 'Main risk is the supplier lead time; on it, and I will shout if I need help.', 'Got it, updated.', 'Agreed. {mention}, shall we go through it on Thursday?', 'It is by order date — I have added a note.'],
};

// ── Reviews ───────────────────────────────────────────────────────────────

export const REVIEW_TEXT: Readonly<
  Record<
    Language,
    {
      templateName: string;
      scale: readonly string[];
      sections: { goals: string; kpis: string; competencies: string; questions: string };
      competencies: readonly string[];
      questions: readonly string[];
    }
  >
> = {
  zh: {
    templateName: '季度绩效评估（通用）',
    scale: ['远低于预期', '低于预期', '符合预期', '超出预期', '卓越'],
    sections: { goals: '目标达成', kpis: '关键绩效指标', competencies: '能力素质', questions: '开放问题' },
    competencies: ['专业能力', '结果导向', '协作与沟通', '客户意识', '学习与成长'],
    questions: ['本周期你最有成就感的一项工作是什么？', '下个周期你希望在哪些方面提升？需要什么支持？', '对团队或经理有什么建议？'],
  },
  en: {
    templateName: 'Quarterly Performance Review (International)',
    scale: ['Far below expectations', 'Below expectations', 'Meets expectations', 'Exceeds expectations', 'Outstanding'],
    sections: { goals: 'Goals', kpis: 'KPIs', competencies: 'Competencies', questions: 'Open questions' },
    competencies: ['Craft and expertise', 'Drive for results', 'Collaboration and communication', 'Customer focus', 'Learning and growth'],
    questions: ['What work are you proudest of this cycle?', 'Where do you want to grow next cycle, and what support do you need?', 'Any suggestions for the team or your manager?'],
  },
};

export const PROBATION_TEMPLATE_NAME = '试用期转正评估';

/** Answers to the open questions, by question. */
export const REVIEW_ANSWERS: Readonly<Record<Language, readonly (readonly string[])[]>> = {
  zh: [
    ['主导完成了本季度最重要的目标，过程中协调了三个团队。', '把核心流程的处理时长缩短了一半。', '带新同事独立负责了一个模块。'],
    ['希望提升数据分析能力，想参加 SQL 培训。', '希望多承担跨部门项目，锻炼协调能力。', '想系统学习管理知识，为带团队做准备。'],
    ['希望周会更聚焦，减少重复汇报。', '需求变更希望能提前同步。', '暂无，整体协作很顺畅。'],
  ],
  en: [
    ['Led our most important goal end to end, coordinating three teams.', 'Halved the time our core process takes.', 'Coached a new joiner to own a module on their own.'],
    ['I want to get better at data analysis — the SQL course would help.', 'I would like more cross-team projects to grow my coordination skills.', 'I want to learn the basics of management before leading a team.'],
    ['Shorter, more focused weekly syncs, please.', 'Earlier notice of scope changes would help a lot.', 'Nothing major — collaboration works well.'],
  ],
};

/** Rating comments by band: low (1–2), middle (3), high (4–5). */
export const RATING_COMMENTS: Readonly<Record<'low' | 'middle' | 'high', Phrases>> = {
  low: {
    zh: ['与预期有差距，需要更早暴露风险。', '结果未达标，建议下周期聚焦核心目标。', '需要加强计划性和跟进。'],
    en: ['Below expectations; risks need to surface sooner.', 'Missed the target; focus on the core goals next cycle.', 'Planning and follow-up need work.'],
  },
  middle: {
    zh: ['达到预期，保持现有节奏。', '整体稳定，部分细节还可以更好。', '完成了主要目标，沟通可以更主动。'],
    en: ['Meets expectations; keep the pace.', 'Solid overall, some details could be sharper.', 'Main goals delivered; could speak up earlier.'],
  },
  high: {
    zh: ['超出预期，结果和过程都很出色。', '主动担当，带动了团队。', '质量高、节奏稳，值得信赖。'],
    en: ['Beyond expectations in both results and how they were reached.', 'Took ownership and lifted the team.', 'High quality at a steady pace — dependable.'],
  },
};

// ── Development ───────────────────────────────────────────────────────────

/** `{cycle}` is the name of the cycle whose review asked for it. */
export const TRAINING_REASONS: Readonly<Record<'onboarding' | 'required' | 'manager' | 'review' | 'recommended' | 'requested', Readonly<Record<Language, string>>>> = {
  onboarding: { zh: '新员工入职必修', en: 'Required for new joiners' },
  required: { zh: '年度合规必修', en: 'Annual compliance requirement' },
  manager: { zh: '新任经理培养计划', en: 'New manager programme' },
  review: { zh: '{cycle} 绩效评估的发展计划', en: 'Development plan from the {cycle} review' },
  recommended: { zh: '经理推荐', en: 'Recommended by the manager' },
  requested: { zh: '本人申请', en: 'Requested' },
};
