/** Registers the messages of <tandem-goal-tree> in every language: its module imports this. */
import { registerMessages } from '../locale.js';
import { goalTreeEn } from './goal-tree.en.js';
import { goalTreeZhCN } from './goal-tree.zh-CN.js';

registerMessages({ en: goalTreeEn, 'zh-CN': goalTreeZhCN });
