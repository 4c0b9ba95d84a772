import { describe, expect, it } from 'vitest';
import { honorificFor, withHonorific } from '../../src/i18n/honorific.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import { renderSession } from '../../src/post/session.js';
import { askQaPairs } from '../../src/prompts/session.js';
import { loadTemplate } from '../../src/templates/render.js';
import { nodeFileSystem } from '../../src/deps.js';
import { scriptedPrompter } from '../helpers/deps.js';
import { tempDir } from '../helpers/site.js';

describe('さん, once', () => {
  it('is added to a name, not to one that has an honorific already; @handles keep the template choice', () => {
    expect(
      ['鈴木', '鈴木さん', '会場の山本さん', '田中先生', '佐藤様', '高橋氏', '@gopher_taro'].map(honorificFor),
    ).toEqual(['さん', '', '', '', '', '', 'さん']);
    expect(withHonorific('鈴木')).toBe('鈴木 さん');
    expect(MESSAGES.ja.askAffiliation('鈴木さん')).toBe('鈴木さんの所属（空欄: なし）');
  });

  it('the built-in Japanese templates write 登壇者：鈴木さん and （会場の山本さん）', async () => {
    const site = { root: tempDir() };
    const [session, qa] = await Promise.all([
      loadTemplate(nodeFileSystem, site, 'session', 'ja'),
      loadTemplate(nodeFileSystem, site, 'qa', 'ja'),
    ]);
    const text = renderSession(
      session,
      qa,
      {
        title: 'T',
        speakers: [
          { name: '鈴木さん', affiliation: '' },
          { name: '@taro', affiliation: '' },
        ],
        slides: '',
        video: '',
        qa: [{ question: 'Q?', answer: 'A', asker: '会場の山本さん' }],
      },
      1,
    );
    expect(text).toContain('登壇者：鈴木さん\n');
    expect(text).toContain('登壇者：@taro さん\n');
    expect(text).toContain('Q. Q?（会場の山本さん）');
  });
});

describe('the Q&A loop', () => {
  it('ends on an empty question, keeping the pairs typed so far', async () => {
    const prompter = scriptedPrompter([true, 'First?', 'yes', '', true, '']);
    const pairs = await askQaPairs(prompter, { messages: MESSAGES.en, language: 'en' }, true);
    expect(pairs).toEqual([{ question: 'First?', answer: 'yes', asker: '' }]);
    expect(prompter.asked.at(-1)).toBe('Question (empty: done)');
  });
});
