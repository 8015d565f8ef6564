/*
 * The "My programme" tab. It starts the Teams JavaScript client, reads the Teams context (who,
 * locale, theme, and whether it is in a chat or channel), signs in with Teams single sign-on and
 * shows what the person's role lets them see: a headteacher their school's programme record, a
 * system leader their deployment forms, the School Improvement Team (SIT) the nominations'
 * coverage and attendance across schools. Everything it shows comes from /api/tab/, which asks
 * the same questions of the directory policy as the chat does.
 */
// @ts-check
'use strict';

/**
 * The views are the tab API's own types (bot/http/tabApi.ts, dialogs/selfEvaluation/tabView.ts),
 * checked here by `tsc -p web` (web/tsconfig.json), so the page and the API cannot drift apart.
 * @typedef {import('../bot/http/tabApi.js').MeView} MeView
 * @typedef {import('../bot/http/tabApi.js').ViewName} ViewName
 * @typedef {import('../bot/http/tabApi.js').SchoolView} SchoolView
 * @typedef {import('../bot/http/tabApi.js').DeploymentsView} DeploymentsView
 * @typedef {import('../bot/http/tabApi.js').LifecycleRowsView} LifecycleRowsView
 * @typedef {import('../bot/http/tabApi.js').SchoolDeploymentsView} SchoolDeploymentsView
 * @typedef {import('../bot/http/tabApi.js').GroupView} GroupView
 * @typedef {import('../bot/http/tabApi.js').NominatedSchool} NominatedSchool
 * @typedef {import('../bot/http/tabApi.js').CoverageView} CoverageView
 * @typedef {import('../bot/http/tabApi.js').AttendanceMatrixView} AttendanceMatrixView
 * @typedef {import('../bot/http/tabApi.js').ExportView} ExportView
 * @typedef {import('../dialogs/selfEvaluation/tabView.js').SchoolSelfEvaluationView} SchoolSelfEvaluationView
 * @typedef {import('../dialogs/selfEvaluation/tabView.js').SelfEvaluationOverviewView} SelfEvaluationOverviewView
 * @typedef {SchoolSelfEvaluationView['keyIssues'][number]} KeyIssue
 * @typedef {KeyIssue['draft'] | KeyIssue['snapshots'][number] | undefined} KeyIssueAnswer
 * @typedef {{ readonly label: string, readonly pick: (issue: KeyIssue, index: number) => KeyIssueAnswer }} KeyIssueColumn
 * @typedef {readonly [kind: string, symbol: string, words: string]} ChipSpec
 * @typedef {SchoolView['attendance']['sessions'][number]['status']} SessionStatus
 * @typedef {NonNullable<SchoolView['champion']['named']>['status']} NominationStatus
 * @typedef {SchoolView['eligibilityChecks'][number]['status']} EligibilityStatus
 * @typedef {DeploymentsView['forms'][number]['reminders'][number]['kind']} FormReminderKind
 * @typedef {NonNullable<KeyIssueAnswer>['completeness']} Completeness
 * @typedef {SelfEvaluationOverviewView['visits'][number]['state']} VisitState
 * @typedef {{ readonly on?: Readonly<Record<string, (event: Event) => unknown>>, readonly [name: string]: unknown }} Props
 */

(() => {
  /** Teams answers in well under a second; a page opened anywhere else never hears back. */
  const TEAMS_START_MS = 5000;
  /** Teams may show a consent prompt before it hands over a token. */
  const SIGN_IN_MS = 30000;

  // tab.html has each of these.
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const who = /** @type {HTMLElement} */ (document.getElementById('who'));
  const nav = /** @type {HTMLElement} */ (document.getElementById('views'));
  const title = /** @type {HTMLElement} */ (document.getElementById('title'));

  /** @type {{ context: import('@microsoft/teams-js').app.Context | null, locale: string, headers: Record<string, string>, renew: (() => Promise<Record<string, string>>) | null }} */
  const session = { context: null, locale: 'en-GB', headers: {}, renew: null };

  class Problem extends Error {
    /**
     * @param {string} message
     * @param {string} [instead]
     */
    constructor(message, instead) {
      super(message);
      this.instead = instead || '';
    }
  }

  // ----- Building the page (text is always set as text, never as HTML) -----

  /**
   * @param {string} tag
   * @param {Props | null} [props]
   * @param {...unknown} children
   * @returns {HTMLElement}
   */
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = String(value);
      else if (name === 'on') for (const [event, handler] of Object.entries(/** @type {NonNullable<Props['on']>} */ (value))) node.addEventListener(event, handler);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** @param {...(Node | Node[])} nodes */
  function show(...nodes) {
    main.replaceChildren(...nodes.flat());
    main.setAttribute('aria-busy', 'false');
  }

  /** @param {string} what */
  function loading(what) {
    main.setAttribute('aria-busy', 'true');
    main.replaceChildren(h('p', { class: 'status' }, what));
  }

  /**
   * @param {string} heading
   * @param {...(string | null)} paragraphs
   */
  function notice(heading, ...paragraphs) {
    return h('section', { class: 'notice', role: 'status' }, h('h2', {}, heading), paragraphs.filter(Boolean).map((text) => h('p', {}, text)));
  }

  /** @param {unknown} error */
  function problemNotice(error) {
    const message = error instanceof Problem ? error.message : 'Something went wrong loading this.';
    const instead = error instanceof Problem ? error.instead : 'Please try again in a moment.';
    return h('section', { class: 'notice problem', role: 'alert' }, h('h2', {}, message), instead ? h('p', {}, instead) : null);
  }

  /**
   * @param {string} kind
   * @param {string} symbol
   * @param {string} text
   */
  function chip(kind, symbol, text) {
    return h('span', { class: `chip ${kind}` }, h('span', { 'aria-hidden': 'true' }, symbol), text);
  }

  /**
   * @param {number} part
   * @param {number} whole
   * @param {string} label
   */
  function meter(part, whole, label) {
    const percent = whole > 0 ? Math.round((100 * Math.min(part, whole)) / whole) : 0;
    const fill = h('span', {});
    fill.style.width = `${percent}%`;
    return h('div', { class: 'meter', role: 'img', 'aria-label': label }, fill);
  }

  // ----- Dates, in the person's Teams locale, as the programme keeps them (London) -----

  /** @param {string} wanted */
  function chooseLocale(wanted) {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([wanted]).length > 0 ? wanted : 'en-GB';
    } catch {
      return 'en-GB';
    }
  }

  /** @param {string | null | undefined} iso */
  function formatDate(iso) {
    if (!iso) return '';
    // A calendar date (YYYY-MM-DD) is taken at midday so that no time zone moves it to another day.
    const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
    return new Intl.DateTimeFormat(session.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(date);
  }

  /** @param {string} iso */
  function formatShortDate(iso) {
    const date = new Date(`${iso}T12:00:00Z`);
    return new Intl.DateTimeFormat(session.locale, { day: 'numeric', month: 'short', timeZone: 'Europe/London' }).format(date);
  }

  // ----- Teams: start-up, theme and sign-in -----

  /**
   * @template T
   * @param {Promise<T>} promise
   * @param {number} ms
   * @param {string} message
   * @returns {Promise<T>}
   */
  function withTimeout(promise, ms, message) {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const timeout = new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  async function startTeams() {
    if (typeof microsoftTeams === 'undefined') throw new Error('The Teams JavaScript client did not load.');
    await microsoftTeams.app.initialize();
    return microsoftTeams.app.getContext();
  }

  /** @param {string | null | undefined} theme */
  function applyTheme(theme) {
    document.body.dataset.theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  }

  /** @type {Promise<{ devMode: boolean }> | undefined} */
  let serverConfig;
  function config() {
    serverConfig ??= fetch('/api/tab/config')
      .then((response) => (response.ok ? response.json() : { devMode: false }))
      .catch(() => ({ devMode: false }));
    return serverConfig;
  }

  /**
   * The Teams single sign-on token for the API. In local development (the bot's authentication
   * off) there is no Azure AD: the server says so, and the Teams context's user id stands in.
   */
  /** @returns {Promise<Record<string, string>>} */
  async function signIn() {
    try {
      const token = await withTimeout(microsoftTeams.authentication.getAuthToken(), SIGN_IN_MS, 'Teams did not answer the sign-in request.');
      return { authorization: `Bearer ${token}` };
    } catch (error) {
      const userId = session.context && session.context.user && session.context.user.id;
      if ((await config()).devMode && userId) return { 'x-dev-aad-object-id': userId };
      throw new Problem(
        'Teams could not sign you in to this app.',
        'Close this tab and open it again. If it keeps happening, ask your IT team to check that the app may use Teams single sign-on.',
      );
    }
  }

  /**
   * The API's answer to a path, as the caller says it is (the route's view type).
   * @param {string} path
   * @param {RequestInit} [options]
   * @returns {Promise<unknown>}
   */
  async function api(path, options = {}) {
    const send = () => fetch(path, { ...options, headers: { accept: 'application/json', ...session.headers } });
    let response = await send();
    // A token runs out after an hour or so; a tab left open asks Teams for a fresh one, once.
    if (response.status === 401 && session.renew) {
      session.headers = await session.renew();
      response = await send();
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Problem(body.error || 'The app could not load this.', body.instead || (response.status >= 500 ? 'Please try again in a moment.' : ''));
    return body;
  }

  // ----- Start -----

  async function start() {
    const params = new URLSearchParams(location.search);
    let context;
    try {
      context = await withTimeout(startTeams(), TEAMS_START_MS, 'Teams did not answer.');
    } catch {
      await outsideTeams(params);
      return;
    }
    session.context = context;
    session.locale = chooseLocale(context.app.locale || navigator.language || 'en-GB');
    document.documentElement.lang = session.locale;
    applyTheme(context.app.theme);
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    microsoftTeams.app.notifySuccess();

    loading('Signing you in…');
    try {
      session.headers = await signIn();
      session.renew = signIn;
    } catch (error) {
      show(problemNotice(error));
      return;
    }
    const chatId = (context.channel && context.channel.id) || (context.chat && context.chat.id);
    if (chatId) await showGroup(chatId, context.channel ? 'channel' : 'groupChat');
    else await showPersonal(params.get('view'));
  }

  /**
   * Opened in a browser rather than in Teams. In local development (where the Agents Playground
   * has no tabs) `?devUser=<user id>` shows the page as one of its users would see it.
   */
  /** @param {URLSearchParams} params */
  async function outsideTeams(params) {
    const devUser = params.get('devUser');
    if ((await config()).devMode && devUser) {
      applyTheme(params.get('theme'));
      session.headers = { 'x-dev-aad-object-id': devUser };
      await showPersonal(params.get('view'));
      return;
    }
    who.textContent = '';
    show(
      notice(
        'Open this page in Microsoft Teams',
        'This page is part of the School improvement app in Microsoft Teams, and only works there: Teams tells it who you are.',
        'In Teams, open the School improvement app and choose its “My programme” tab.',
      ),
    );
  }

  // ----- Personal tab: the views a role may see -----

  /** @type {Readonly<Record<ViewName, string>>} */
  const VIEW_LABELS = { school: 'My school', selfEvaluation: 'Self-evaluation', ourDeployment: 'Our deployment', deployments: 'My deployment forms', myDeployments: 'My deployments', sit: 'Across schools' };
  /** @type {Readonly<Record<string, string>>} */
  const ROLE_LABELS = { headteacher: 'Headteacher', staff: 'Member of staff', mat_ceo: 'MAT CEO', nle: 'National Leader of Education' };

  /** @param {string | null} wanted */
  async function showPersonal(wanted) {
    loading('Loading your programme…');
    let me;
    try {
      me = /** @type {MeView} */ (await api('/api/tab/me'));
    } catch (error) {
      show(problemNotice(error));
      return;
    }
    who.textContent = describePerson(me);
    if (me.views.length === 0) {
      show(notice('Tell the bot who you are first', me.setUp, 'Open your personal chat with the School improvement bot, tell it, then come back to this tab.'));
      return;
    }
    const views = me.views;
    /** @param {ViewName} view */
    const choose = async (view) => {
      for (const button of nav.querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.view === view));
      await VIEW_RENDERERS[view]();
    };
    nav.replaceChildren(...views.map((view) => h('button', { type: 'button', 'data-view': view, 'aria-pressed': 'false', on: { click: () => choose(view) } }, VIEW_LABELS[view])));
    nav.hidden = views.length < 2;
    const first = views.find((view) => view === wanted) || views[0];
    if (first) await choose(first);
  }

  /** @param {MeView} me */
  function describePerson(me) {
    const parts = [];
    if (me.profile) {
      parts.push(me.profile.name);
      parts.push(ROLE_LABELS[me.profile.role] || '');
      if (me.profile.kind === 'school') parts.push(me.profile.schoolName || `URN ${me.profile.urn}`);
      else parts.push(me.profile.organisation);
    }
    if (me.isSitAdmin) parts.push('School Improvement Team');
    return parts.filter(Boolean).join(' · ');
  }

  /** @type {Readonly<Record<ViewName, () => Promise<void>>>} */
  const VIEW_RENDERERS = {
    school: () => load('Loading your school’s record…', '/api/tab/school', renderSchool),
    selfEvaluation: () => load('Loading your self-evaluation…', '/api/tab/self-evaluation', renderSelfEvaluation),
    ourDeployment: () => load('Loading your school’s deployment…', '/api/tab/our-deployment', renderOurDeployment),
    myDeployments: () => load('Loading your deployments…', '/api/tab/my-deployments', renderMyDeployments),
    deployments: () => load('Loading your deployment forms…', '/api/tab/deployments', renderDeployments),
    sit: () => renderSit(),
  };

  /**
   * @template T
   * @param {string} what
   * @param {string} path
   * @param {(view: T) => Node} render given the path's view
   */
  async function load(what, path, render) {
    main.classList.remove('wide');
    loading(what);
    try {
      show(render(/** @type {T} */ (await api(path))));
    } catch (error) {
      show(problemNotice(error));
    }
  }

  // ----- Headteacher: the school's programme record -----

  /** @type {Readonly<Record<SessionStatus, ChipSpec>>} */
  const SESSION_STATUS = {
    present: ['good', '✓', 'Present'],
    apologies: ['warn', '!', 'Apologies sent'],
    absent: ['bad', '✗', 'Absent'],
    no_record: ['bad', '?', 'Not logged'],
    upcoming: ['quiet', '·', 'Upcoming'],
    cancelled: ['quiet', '–', 'Cancelled'],
  };

  /** @type {Readonly<Record<NominationStatus, ChipSpec>>} */
  const NOMINATION_STATUS = {
    draft: ['quiet', '✎', 'Draft, not yet submitted'],
    submitted: ['warn', '…', 'Submitted, awaiting the SIT’s decision'],
    selected: ['good', '★', 'Selected'],
    reserve_selected: ['good', '★', 'Reserve selected'],
    not_selected: ['quiet', '–', 'Not selected'],
  };

  /** @type {Readonly<Record<EligibilityStatus, ChipSpec>>} */
  const ELIGIBILITY_STATUS = {
    eligible: ['good', '✓', 'Eligible'],
    by_exception: ['warn', '!', 'By exception'],
    not_eligible: ['quiet', '✗', 'Not eligible'],
  };

  /**
   * A status as the table words it. The tables are typed by the API's statuses, so one missing
   * from a table fails the type check; one the page still does not know (a newer bot than this
   * page) is shown as it is.
   * @template {string} K
   * @param {Readonly<Record<K, ChipSpec>>} table
   * @param {K} status
   * @returns {ChipSpec}
   */
  const statusSpec = (table, status) => table[status] || ['quiet', '·', status];
  /**
   * @template {string} K
   * @param {Readonly<Record<K, ChipSpec>>} table
   * @param {K} status
   */
  const statusChip = (table, status) => chip(...statusSpec(table, status));

  /** @param {SchoolView} record */
  function renderSchool(record) {
    const { school, attendance, tasks, champion } = record;
    title.textContent = 'My programme';
    const sessionsById = new Map(attendance.sessions.map((line) => [line.sessionId, line]));
    const facts = [`URN ${school.urn}`, capitalise(school.phase), school.localAuthority, school.liaisonGroup && school.liaisonGroup.name].filter(Boolean);

    const schoolCard = h(
      'section',
      { class: 'card span-all', 'aria-labelledby': 'school-name' },
      h('h2', { id: 'school-name' }, school.name, champion.isChampion ? h('span', { class: 'badge' }, 'Champion school') : null),
      h('p', { class: 'meta' }, facts.join(' · ')),
      h('p', { class: 'meta' }, record.programme.name, ` (${record.programme.year})`),
    );

    const missing = attendance.missing.map((id) => sessionsById.get(id)).filter((line) => line !== undefined);
    const attendanceCard = h(
      'section',
      { class: 'card', 'aria-labelledby': 'sessions-heading' },
      h('h2', { id: 'sessions-heading' }, 'Sessions'),
      h('p', { class: 'headline' }, h('span', { class: 'figure' }, `${attendance.attended}`), ` of ${attendance.outOf} sessions attended`),
      meter(attendance.attended, attendance.outOf, `${attendance.attended} of ${attendance.outOf} sessions attended`),
      missing.length > 0
        ? h(
            'div',
            { class: 'callout' },
            h('p', {}, h('strong', {}, 'What is missing')),
            h('ul', {}, missing.map((line) => h('li', {}, `${line.title} (${line.sessionId}), ${formatDate(line.date)}: ${statusSpec(SESSION_STATUS, line.status)[2].toLowerCase()}`))),
            h('p', { class: 'small' }, 'Log attendance in your personal chat with the bot: say “log attendance”.'),
          )
        : h('div', { class: 'callout calm' }, h('p', {}, 'Nothing missing so far.')),
      h(
        'table',
        { class: 'sessions' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Session'), h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Your school'))),
        h(
          'tbody',
          {},
          attendance.sessions.map((line) =>
            h(
              'tr',
              {},
              h('td', {}, `${line.title} `, h('span', { class: 'meta' }, `(${line.sessionId})`), line.universal ? null : h('div', { class: 'small meta' }, 'Champions’ network group')),
              h('td', { class: 'when' }, formatDate(line.date), line.start && line.timesConfirmed ? h('div', { class: 'small' }, `${line.start}–${line.end}`) : null),
              h('td', {}, statusChip(SESSION_STATUS, line.status)),
            ),
          ),
        ),
      ),
    );

    const taskCard = h(
      'section',
      { class: 'card', 'aria-labelledby': 'task-heading' },
      h('h2', { id: 'task-heading' }, tasks.length === 1 && tasks[0] ? tasks[0].title : 'Tasks'),
      tasks.length === 0
        ? h('p', {}, 'There is no task in this year’s programme.')
        : tasks.map((task) =>
            h(
              'div',
              {},
              tasks.length > 1 ? h('h3', {}, task.title) : null,
              task.topic ? h('p', { class: 'meta' }, task.topic) : null,
              task.submitted
                ? h('p', {}, chip('good', '✓', 'Submitted'), ` on ${formatDate(task.submittedAt)}`)
                : h(
                    'p',
                    {},
                    chip('warn', '!', 'Not submitted yet'),
                    task.dueBefore ? ` Due before ${task.dueBefore.title} on ${formatDate(task.dueBefore.date)}.` : '',
                  ),
              task.submitted ? null : h('p', { class: 'small meta' }, 'When you have sent it, tell the bot: “intersessional task submitted”.'),
            ),
          ),
    );

    const nominationCard = h('section', { class: 'card', 'aria-labelledby': 'nomination-heading' }, h('h2', { id: 'nomination-heading' }, 'Champion school nomination'), nominationForSchool(record));

    const checksCard = h(
      'section',
      { class: 'card span-all', 'aria-labelledby': 'checks-heading' },
      h('h2', { id: 'checks-heading' }, record.ownSchool ? 'Your eligibility checks' : 'Eligibility checks'),
      record.eligibilityChecks.length === 0
        ? h('p', {}, record.ownSchool ? 'You have not checked a school’s eligibility for TSI yet. Say “check eligibility” in your personal chat with the bot.' : 'Eligibility checks are shown only to the person who made them.')
        : h(
            'ul',
            { class: 'plain' },
            record.eligibilityChecks.map((check) =>
              h(
                'li',
                {},
                h('div', {}, h('strong', {}, check.subject), check.urn ? ` (URN ${check.urn})` : '', ' ', statusChip(ELIGIBILITY_STATUS, check.status), check.criteria.length > 0 ? ` meets ${check.criteria.join(', ')}` : ''),
                h('div', { class: 'small meta' }, `Checked on ${formatDate(check.checkedAt)} against the ${check.offerYear} offer`),
                h('details', {}, h('summary', {}, 'Why'), h('ul', {}, check.reasons.map((reason) => h('li', {}, reason)))),
              ),
            ),
          ),
    );

    return h('div', { class: 'record' }, schoolCard, attendanceCard, h('div', {}, taskCard, nominationCard), checksCard);
  }

  /** @param {SchoolView} record */
  function nominationForSchool(record) {
    const { champion, groupNomination, school } = record;
    const parts = [];
    if (champion.named) {
      const named = champion.named;
      const choice = named.choice === 'first' ? 'first choice' : 'second choice (reserve)';
      parts.push(h('p', {}, `Your liaison group has nominated your school as its ${choice}.`));
      parts.push(h('p', {}, statusChip(NOMINATION_STATUS, named.status), named.submittedAt ? ` Submitted on ${formatDate(named.submittedAt)}.` : ''));
      if (named.decidedAt) parts.push(h('p', { class: 'small meta' }, `Decided on ${formatDate(named.decidedAt)}.`));
      parts.push(
        champion.commitmentsConfirmedAt
          ? h('p', {}, chip('good', '✓', 'Commitments confirmed'), ` on ${formatDate(champion.commitmentsConfirmedAt)}`)
          : h('p', {}, chip('warn', '!', 'Commitments not confirmed'), ' The headteacher confirms them in a personal chat with the bot: “champion commitments”.'),
      );
    } else {
      parts.push(h('p', {}, school.liaisonGroup ? `Your school is not named in a submitted nomination from ${school.liaisonGroup.name}.` : 'Your school is not in a liaison group, so it is not nominated.'));
    }
    if (groupNomination && !groupNomination.shownHere) {
      parts.push(h('p', { class: 'small meta' }, `${groupNomination.reason} Add this app as a tab in your liaison group’s chat or channel to see it there at a glance.`));
    }
    return parts;
  }

  // ----- System leader: deployment forms and what is due -----

  /**
   * The form's reminders, given whom it supports: "school", "trust", or "school or trust" while not said.
   * @type {Readonly<Record<FormReminderKind, (supported: string) => string>>}
   */
  const REMINDERS = {
    section3_due: () => 'Fill in section 3, the mid-engagement review',
    send_to_school: (supported) => `Send the signed form to the ${supported} to sign`,
    submit_to_rdp: () => 'Submit the form to your Regional Delivery Partner',
  };

  // ----- The school's self-evaluation: the draft and its last snapshots side by side, then the action plan -----

  /** @type {Readonly<Record<Completeness, ChipSpec>>} */
  const COMPLETENESS = { complete: ['good', '✓', 'Complete'], 'partly done': ['warn', '…', 'Partly done'], 'not started': ['quiet', '·', 'Not started'] };

  /** @param {SchoolSelfEvaluationView} view */
  function renderSelfEvaluation(view) {
    title.textContent = 'Self-evaluation';
    main.classList.add('wide');
    /** @type {KeyIssueColumn[]} */
    const columns = [
      ...view.snapshots.map((snapshot) => /** @type {KeyIssueColumn} */ ({ label: `${capitalise(snapshot.term)}${snapshot.reviewed ? ' (reviewed)' : ' (submitted)'}`, pick: (issue, index) => issue.snapshots[index] })),
      ...(view.hasDraft ? [/** @type {KeyIssueColumn} */ ({ label: 'Now (draft)', pick: (issue) => issue.draft })] : []),
    ];
    const head = h(
      'section',
      { class: 'card span-all', 'aria-labelledby': 'se-heading' },
      h('h2', { id: 'se-heading' }, `${view.school.name}: Narrowing the Gap self-evaluation`),
      h('p', { class: 'meta' }, `URN ${view.school.urn} · ${capitalise(view.status)}`),
      columns.length === 0 ? h('p', {}, 'Not started yet: say “self-evaluation” in your personal chat with the bot.') : h('p', { class: 'small' }, 'Your latest submitted self-evaluations (up to three) side by side, with what you are writing now. Change it in your personal chat with the bot.'),
    );
    const issues = columns.length === 0 ? [] : view.keyIssues.map((issue) => keyIssueCard(issue, view.headings, columns));
    return h('div', {}, head, issues, actionPlanCard(view.actionPlan));
  }

  /**
   * @param {KeyIssue} issue
   * @param {SchoolSelfEvaluationView['headings']} headings
   * @param {readonly KeyIssueColumn[]} columns
   */
  function keyIssueCard(issue, headings, columns) {
    /** @param {(answer: KeyIssueAnswer) => string | null | undefined} read */
    const cells = (read) => columns.map((column, index) => h('td', {}, read(column.pick(issue, index)) || '—'));
    return h(
      'section',
      { class: 'card span-all', 'aria-labelledby': `ki-${issue.number}` },
      h('h3', { id: `ki-${issue.number}` }, `${issue.number}. ${issue.question}`),
      h('p', { class: 'meta' }, issue.strand),
      h(
        'table',
        { class: 'self-evaluation' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), columns.map((column) => h('th', { scope: 'col' }, column.label)))),
        h(
          'tbody',
          {},
          h('tr', {}, h('th', { scope: 'row' }, 'Where are we? (step)'), columns.map((column, index) => {
            const answer = column.pick(issue, index);
            return h('td', {}, answer && answer.step ? answer.step : '—', answer ? [' ', statusChip(COMPLETENESS, answer.completeness)] : null);
          })),
          headings.map((heading) => h('tr', {}, h('th', { scope: 'row' }, heading.title), cells((answer) => answer && answer.texts[heading.id]))),
          h('tr', {}, h('th', { scope: 'row' }, 'Adviser’s comment'), cells((answer) => answer && 'comment' in answer ? answer.comment : null)),
        ),
      ),
    );
  }

  /** @param {SchoolSelfEvaluationView['actionPlan']} plan */
  function actionPlanCard(plan) {
    return h(
      'section',
      { class: 'card span-all', 'aria-labelledby': 'plan-heading' },
      h('h2', { id: 'plan-heading' }, 'Action plan'),
      plan.actions.length === 0
        ? h('p', {}, 'No actions yet: say “our action plan” in your personal chat with the bot to turn next steps into actions.')
        : h(
            'table',
            { class: 'self-evaluation' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'No.'), plan.columns.map((column) => h('th', { scope: 'col' }, column)))),
            h(
              'tbody',
              {},
              plan.actions.map((action) =>
                h(
                  'tr',
                  {},
                  h('td', {}, String(action.number)),
                  h('td', {}, action.keyAction),
                  h('td', {}, action.lead),
                  h('td', {}, action.dueDate ? `${action.timeScale} (by ${formatDate(action.dueDate)})` : action.timeScale),
                  h('td', {}, action.outcome || '—'),
                  h('td', {}, action.monitoring || '—'),
                  h('td', {}, action.completed ? formatDate(action.completed) : '—'),
                ),
              ),
            ),
          ),
    );
  }

  /** @param {DeploymentsView} view */
  function renderDeployments(view) {
    title.textContent = 'My deployment forms';
    if (view.forms.length === 0) {
      return notice('No deployment forms yet', 'Start one in your personal chat with the bot: say “deployment form”.');
    }
    return h('div', {}, view.forms.map((form) => deploymentCard(form, view.today)));
  }

  /**
   * @param {DeploymentsView['forms'][number]} form
   * @param {string} today
   */
  function deploymentCard(form, today) {
    const name = form.supported.name || 'A school or trust not named yet';
    // Section 7 is the supported school's or trust's (002), so the words name which it is.
    const supported = form.supported.kind || 'school or trust';
    const facts = [form.supported.urn && `URN ${form.supported.urn}`, form.supported.region, `started ${formatDate(form.createdAt)}`].filter(Boolean);
    const dueSections = form.sections.filter((section) => form.dueNow.includes(section.section));
    const midReview = form.reminders.find((reminder) => reminder.kind === 'section3_due');
    /** @param {DeploymentsView['forms'][number]['sections'][number]} section */
    const stillToDo = (section) =>
      // Section 7 is the school's or trust's to complete: what the system leader does is send them the form.
      section.section === 7 ? `The ${supported} completes this once you send them the signed form.` : section.missing.length > 0 ? `Still to answer: ${section.missing.join(', ')}` : '';
    const toDo = [
      ...dueSections.map((section) =>
        h(
          'li',
          {},
          `Section ${section.section}, ${section.title}: due after day ${section.dueAfterDay}`,
          section.section === 3 && midReview ? ` (day 6 was ${formatDate(midReview.dueDate)})` : '',
          stillToDo(section) ? h('div', { class: 'small' }, stillToDo(section)) : null,
        ),
      ),
      ...form.reminders
        .filter((reminder) => reminder.kind !== 'section3_due' || !form.dueNow.includes(3))
        .map((reminder) => h('li', {}, `${REMINDERS[reminder.kind]?.(supported) || reminder.kind}: `, reminder.overdue ? chip('bad', '!', `overdue since ${formatDate(reminder.dueDate)}`) : `by ${formatDate(reminder.dueDate)}`)),
    ];
    return h(
      'section',
      { class: 'card', 'aria-label': name },
      h('h2', {}, name),
      h('p', { class: 'meta' }, facts.join(' · ')),
      h('p', { class: 'headline' }, h('span', { class: 'figure' }, `${form.daysDelivered}`), ` of ${form.agreedDays} days delivered`, form.latestDay ? h('span', { class: 'meta' }, ` (latest ${formatDate(form.latestDay)})`) : null),
      meter(form.daysDelivered, form.agreedDays, `${form.daysDelivered} of ${form.agreedDays} days delivered`),
      toDo.length > 0
        ? h(
            'div',
            { class: 'callout' },
            h('p', {}, h('strong', {}, `Due now (as of ${formatDate(today)})`)),
            h('ul', {}, toDo),
            h('p', { class: 'small' }, 'Carry on in your personal chat with the bot: say “deployment form”.'),
          )
        : h('div', { class: 'callout calm' }, h('p', {}, form.submittedAt ? 'Submitted: nothing more to do.' : 'Nothing is due yet.')),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Section'), h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Status'))),
        h(
          'tbody',
          {},
          form.sections.map((section) =>
            h(
              'tr',
              {},
              h('td', {}, `${section.section}. ${section.title}`),
              h('td', { class: 'meta' }, section.section === 7 ? `By the ${supported}, after day ${section.dueAfterDay}` : `After day ${section.dueAfterDay}`),
              h('td', {}, section.complete ? chip('good', '✓', 'Complete') : section.due ? chip('bad', '!', 'Due now') : chip('quiet', '·', 'Not due yet')),
            ),
          ),
        ),
      ),
      h('h3', {}, 'Sign-off'),
      h(
        'ul',
        { class: 'plain' },
        h('li', {}, 'Signed by you: ', form.signedAt ? formatDate(form.signedAt) : 'not yet'),
        h('li', {}, `Sent to the ${supported}: `, form.sentToSchoolAt ? formatDate(form.sentToSchoolAt) : 'not yet'),
        h(
          'li',
          {},
          `Confirmed by the ${supported}: `,
          form.schoolConfirmation ? (form.schoolConfirmation.outcome === 'confirmed' ? chip('good', '✓', 'Confirmed') : chip('bad', '!', 'Queried')) : 'not yet',
        ),
        h('li', {}, 'Submitted to the RDP: ', form.submittedAt ? formatDate(form.submittedAt) : 'not yet', form.rdp ? h('span', { class: 'meta' }, ` (${form.rdp.name}, ${form.rdp.email})`) : null),
      ),
    );
  }

  // ----- TSI deployments: the system leader's own, the supported school's, the SIT's every one -----

  /** What is due next on a deployment, overdue shown in words as well as colour. */
  /** @param {LifecycleRowsView['deployments'][number]['next']} next */
  const nextStep = (next) => (next ? [next.overdue ? chip('bad', '!', 'Overdue') : null, ` ${next.title}, by ${formatDate(next.dueOn)}`] : 'Nothing is due just now.');

  /** The deployments as a table, one row each: stage, what is due next, days used of agreed (and, for the SIT, the system leader). */
  /**
   * @param {LifecycleRowsView} view
   * @param {boolean} withLeader
   */
  function deploymentsTable(view, withLeader) {
    const columns = ['School or trust', ...(withLeader ? ['System leader'] : []), 'Stage', `Due next (as of ${formatDate(view.today)})`, 'Days used'];
    return h(
      'table',
      { class: 'deployments' },
      h('thead', {}, h('tr', {}, columns.map((label) => h('th', { scope: 'col' }, label)))),
      h(
        'tbody',
        {},
        view.deployments.map((row) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, row.recipient, row.urn ? h('span', { class: 'meta' }, ` (${row.urn})`) : null),
            withLeader ? h('td', {}, row.systemLeader || '') : null,
            h('td', {}, row.stage),
            h('td', {}, nextStep(row.next)),
            h('td', {}, `${row.daysUsed} of ${row.agreedDays}`),
          ),
        ),
      ),
    );
  }

  /** @param {LifecycleRowsView} view */
  function renderMyDeployments(view) {
    title.textContent = 'My deployments';
    if (view.deployments.length === 0) {
      return notice('No deployments recorded yet', 'Tell the bot each step in your personal chat, for example “The RDP asked me to support Willowmere on 6 January”.');
    }
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'my-deployments-heading' },
      h('h2', { id: 'my-deployments-heading' }, 'My TSI deployments'),
      deploymentsTable(view, false),
      h('p', { class: 'small' }, 'Record each step in your personal chat with the bot; say “my deployments” there to open one.'),
    );
  }

  /** @param {SchoolDeploymentsView} view */
  function renderOurDeployment(view) {
    title.textContent = 'Our deployment';
    if (view.deployments.length === 0) return notice('No deployment recorded', 'No TSI deployment supporting your school is recorded here yet.');
    return h(
      'div',
      {},
      view.deployments.map((deployment) =>
        h(
          'section',
          { class: 'card', 'aria-label': deployment.recipient },
          h('h2', {}, deployment.recipient),
          h('p', { class: 'meta' }, `Supported by ${deployment.systemLeader}`),
          h(
            'ul',
            { class: 'plain' },
            h('li', {}, 'Stage: ', deployment.stage),
            h('li', {}, 'Days agreed: ', String(deployment.agreedDays)),
            h('li', {}, 'First visit: ', deployment.firstVisitOn ? formatDate(deployment.firstVisitOn) : 'not yet'),
            h('li', {}, 'Days of support: ', deployment.daysOn.length > 0 ? deployment.daysOn.map(formatDate).join(', ') : 'none yet'),
            deployment.extensionWindowEndsOn ? h('li', {}, 'Extension agreed until: ', formatDate(deployment.extensionWindowEndsOn)) : null,
          ),
        ),
      ),
    );
  }

  /** @param {HTMLElement} card its heading first */
  async function fillSitDeployments(card) {
    const heading = /** @type {ChildNode} */ (card.firstChild);
    try {
      const view = /** @type {LifecycleRowsView} */ (await api('/api/tab/sit/deployments'));
      const overdue = view.deployments.filter((row) => row.next && row.next.overdue).length;
      card.replaceChildren(
        heading,
        view.deployments.length === 0
          ? h('p', {}, 'No TSI deployments recorded yet.')
          : h('div', {}, h('p', {}, `${view.deployments.length} deployments, ${overdue} with an overdue step (shown first). Say “export deployments” in your personal chat for the workbook.`), deploymentsTable(view, true)),
      );
    } catch (error) {
      card.replaceChildren(heading, problemNotice(error));
    }
  }

  // ----- SIT: coverage, attendance matrix and exports -----

  /** @type {Readonly<Record<string, string>>} */
  const PHASE_LABELS = { 'all-through': 'All-through', 'sixteen-plus': '16 plus', 'alternative provision': 'Alternative provision' };

  async function renderSit() {
    title.textContent = 'Across schools';
    main.classList.add('wide');
    loading('Loading nominations and attendance…');
    const coverageCard = h('section', { class: 'card', 'aria-labelledby': 'coverage-heading' }, h('h2', { id: 'coverage-heading' }, 'Champion school nominations'), h('p', { class: 'status' }, 'Loading…'));
    const attendanceCard = h('section', { class: 'card', 'aria-labelledby': 'matrix-heading' }, h('h2', { id: 'matrix-heading' }, 'Attendance by school and session'), h('p', { class: 'status' }, 'Loading…'));
    const selfEvaluationCard = h('section', { class: 'card', 'aria-labelledby': 'se-across-heading' }, h('h2', { id: 'se-across-heading' }, 'Self-evaluations'), h('p', { class: 'status' }, 'Loading…'));
    const deploymentsCard = h('section', { class: 'card', 'aria-labelledby': 'deployments-heading' }, h('h2', { id: 'deployments-heading' }, 'TSI deployments'), h('p', { class: 'status' }, 'Loading…'));
    show(exportsCard(), coverageCard, selfEvaluationCard, deploymentsCard, attendanceCard);
    await Promise.all([fillCoverage(coverageCard), fillSelfEvaluations(selfEvaluationCard), fillSitDeployments(deploymentsCard), fillAttendance(attendanceCard, '')]);
  }

  /** @type {Readonly<Record<VisitState, ChipSpec>>} */
  const VISIT_STATE = { overdue: ['bad', '!', 'Overdue'], coming: ['quiet', '·', 'Coming'], done: ['good', '✓', 'Done'] };

  /** @param {HTMLElement} card its heading first */
  async function fillSelfEvaluations(card) {
    const heading = /** @type {ChildNode} */ (card.firstChild);
    try {
      const view = /** @type {SelfEvaluationOverviewView} */ (await api('/api/tab/sit/self-evaluations'));
      card.replaceChildren(
        heading,
        h('h3', {}, 'Review visits'),
        h('p', { class: 'small' }, 'A visit is overdue once its date has passed and no self-evaluation has been marked reviewed since it was set (the council’s own reading).'),
        view.visits.length === 0
          ? h('p', {}, 'No review visit set yet: say “review visit for <URN> on <date>” in your personal chat with the bot.')
          : h('ul', {}, view.visits.map((visit) => h('li', {}, statusChip(VISIT_STATE, visit.state), ` ${visit.schoolName} (${visit.urn}), ${formatDate(visit.date)}: self-evaluation ${visit.status}`))),
        h('h3', {}, 'By liaison group'),
        h(
          'table',
          { class: 'self-evaluation' },
          h('thead', {}, h('tr', {}, ['Liaison group', 'Started', 'Submitted', 'Reviewed'].map((label) => h('th', { scope: 'col' }, label)))),
          h('tbody', {}, view.groups.map((group) => h('tr', {}, h('th', { scope: 'row' }, group.name), h('td', {}, String(group.started)), h('td', {}, String(group.submitted)), h('td', {}, String(group.reviewed))))),
        ),
        h('h3', {}, 'By strand (key issues at each step, latest submitted)'),
        h(
          'table',
          { class: 'self-evaluation' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Strand'), view.steps.map((step) => h('th', { scope: 'col' }, step)))),
          h('tbody', {}, view.strands.map((strand) => h('tr', {}, h('th', { scope: 'row' }, strand.strand), strand.counts.map((count) => h('td', {}, String(count)))))),
        ),
      );
    } catch (error) {
      card.replaceChildren(heading, problemNotice(error));
    }
  }

  /** @param {HTMLElement} card its heading first */
  async function fillCoverage(card) {
    const heading = /** @type {ChildNode} */ (card.firstChild);
    try {
      const coverage = /** @type {CoverageView} */ (await api('/api/tab/sit/coverage'));
      /**
       * @param {CoverageView['phaseMix']} counts
       * @param {string} label
       */
      const mix = (counts, label) => {
        const entries = Object.entries(counts).filter(([, count]) => count > 0);
        const most = Math.max(1, ...entries.map(([, count]) => count));
        if (entries.length === 0) return null;
        return h(
          'div',
          {},
          h('h3', {}, label),
          h(
            'div',
            { class: 'mix' },
            entries.map(([name, count]) => {
              const bar = h('div', { class: 'bar', 'aria-hidden': 'true' });
              bar.style.width = `${Math.round((100 * count) / most)}%`;
              return [h('span', {}, PHASE_LABELS[name] || capitalise(name)), bar, h('span', {}, String(count))];
            }),
          ),
        );
      };
      card.replaceChildren(
        heading,
        h('p', { class: 'headline' }, h('span', { class: 'figure' }, `${coverage.nominated}`), ` of ${coverage.of} liaison groups have nominated`),
        meter(coverage.nominated, coverage.of, `${coverage.nominated} of ${coverage.of} liaison groups have nominated`),
        coverage.missingGroups.length > 0
          ? h('div', { class: 'callout' }, h('p', {}, h('strong', {}, `Still to nominate (${coverage.missingGroups.length})`)), h('p', {}, coverage.missingGroups.map((group) => group.name).join(', ')))
          : h('div', { class: 'callout calm' }, h('p', {}, 'Every liaison group has nominated.')),
        h('div', { class: 'grid' }, mix(coverage.phaseMix, 'First choices by phase'), mix(coverage.sizeMix, 'First choices by size')),
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ['Liaison group', 'Status', 'First choice', 'Second choice (reserve)', 'Submitted'].map((text) => h('th', { scope: 'col' }, text)))),
          h(
            'tbody',
            {},
            coverage.groups.map((group) => {
              const nomination = group.nomination;
              /** @param {NominatedSchool | null} choice */
              const school = (choice) => (choice ? [choice.name || `URN ${choice.urn}`, choice.championName ? h('div', { class: 'small meta' }, `Champion: ${choice.championName}`) : null] : '—');
              return h(
                'tr',
                {},
                h('td', {}, group.name),
                h('td', {}, nomination ? statusChip(NOMINATION_STATUS, nomination.status) : chip('quiet', '·', 'Not started')),
                h('td', {}, nomination ? school(nomination.first) : '—'),
                h('td', {}, nomination ? school(nomination.second) : '—'),
                h('td', { class: 'meta' }, nomination && nomination.submittedAt ? formatDate(nomination.submittedAt) : '—'),
              );
            }),
          ),
        ),
      );
    } catch (error) {
      card.replaceChildren(heading, problemNotice(error));
    }
  }

  /** @type {Readonly<Record<string, ChipSpec>>} */
  const CELL = {
    present: ['present', '✓', 'present'],
    apologies: ['apologies', 'A', 'apologies sent'],
    absent: ['absent', '✗', 'absent'],
  };

  /**
   * @param {HTMLElement} card its heading first
   * @param {string} groupId
   */
  async function fillAttendance(card, groupId, refocus = false) {
    const heading = /** @type {ChildNode} */ (card.firstChild);
    try {
      const matrix = /** @type {AttendanceMatrixView} */ (await api(`/api/tab/sit/attendance?group=${encodeURIComponent(groupId)}`));
      const select = h(
        'select',
        { id: 'group-filter', on: { change: (event) => fillAttendance(card, /** @type {HTMLSelectElement} */ (event.target).value, true) } },
        h('option', { value: '' }, `All liaison groups`),
        matrix.groups.map((group) => h('option', { value: group.id, selected: matrix.group && matrix.group.id === group.id }, group.name)),
      );
      const columns = matrix.columns.filter((column) => !column.cancelled);
      const held = columns.filter((column) => column.universal && column.started);
      const presentAtAll = matrix.rows.filter((row) => held.every((column) => row.cells[column.sessionId] === 'present')).length;
      /**
       * @param {AttendanceMatrixView['rows'][number]} row
       * @param {AttendanceMatrixView['columns'][number]} column
       */
      const cell = (row, column) => {
        const status = row.cells[column.sessionId];
        if (status && CELL[status]) {
          const [kind, symbol, words] = CELL[status];
          return h('td', { class: `cell ${kind}`, title: `${row.name}: ${words} at ${column.sessionId}` }, symbol);
        }
        if (column.started) return h('td', { class: 'cell missing', title: `${row.name}: nothing logged for ${column.sessionId}` }, '–');
        return h('td', { class: 'cell upcoming', title: `${column.sessionId} has not happened yet` }, '');
      };
      card.replaceChildren(
        heading,
        h('div', { class: 'toolbar' }, h('label', { for: 'group-filter' }, 'Show'), select, h('span', { class: 'meta' }, `${matrix.rows.length} schools · ${presentAtAll} present at all ${held.length} sessions held so far`)),
        h(
          'div',
          { class: 'legend' },
          h('span', {}, h('span', { class: 'cell present' }, '✓'), ' present'),
          h('span', {}, h('span', { class: 'cell apologies' }, 'A'), ' apologies'),
          h('span', {}, h('span', { class: 'cell absent' }, '✗'), ' absent'),
          h('span', {}, h('span', { class: 'cell missing' }, '–'), ' nothing logged'),
          h('span', {}, 'blank: not happened yet'),
        ),
        h(
          'div',
          { class: 'matrix-frame', tabindex: '0', role: 'region', 'aria-label': 'Attendance by school and session' },
          h(
            'table',
            { class: 'matrix' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col', class: 'school' }, 'School'),
                columns.map((column) => h('th', { scope: 'col', title: `${column.title}, ${formatDate(column.date)}` }, column.sessionId, h('div', { class: 'small meta' }, formatShortDate(column.date)))),
                h('th', { scope: 'col' }, 'Attended'),
                matrix.tasks.map((task) => h('th', { scope: 'col', title: task.title }, task.id)),
              ),
            ),
            h(
              'tbody',
              {},
              matrix.rows.map((row) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row', class: 'school', title: `${row.name} (URN ${row.urn})` }, row.name),
                  columns.map((column) => cell(row, column)),
                  h('td', {}, `${row.attended} of ${row.outOf}`),
                  matrix.tasks.map((task) => (row.tasks[task.id] ? h('td', { class: 'cell present', title: `${task.title} submitted` }, '✓') : h('td', { class: 'cell upcoming' }, ''))),
                ),
              ),
            ),
          ),
        ),
        h('p', { class: 'small meta' }, 'Only schools signed up to the universal offer are counted. A school not signed up that logged attendance appears in the export.'),
        matrix.schoolsWithNoGroup.length === 0
          ? h('p', { class: 'small meta' }, 'Every school in the directory is in a liaison group.')
          : h(
              'details',
              {},
              h('summary', {}, `${matrix.schoolsWithNoGroup.length} schools in no liaison group`),
              h('p', { class: 'small' }, 'They cannot nominate or be counted in a group. Import the membership file (URN, liaison group), or say “add URN to liaison group N” in your chat with the bot.'),
              h('ul', {}, matrix.schoolsWithNoGroup.map((school) => h('li', {}, `${school.name} (URN ${school.urn})`))),
            ),
      );
      // The filter was rebuilt with the table: keep the keyboard where the person left it.
      if (refocus) select.focus();
    } catch (error) {
      card.replaceChildren(heading, problemNotice(error));
    }
  }

  function exportsCard() {
    const files = h('div', { class: 'files', 'aria-live': 'polite' });
    /**
     * @param {'attendance' | 'nominations'} what
     * @param {string} label
     */
    const make = (what, label) =>
      h(
        'button',
        {
          type: 'button',
          class: 'button primary',
          on: {
            click: async (event) => {
              const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
              button.disabled = true;
              files.replaceChildren(h('span', { class: 'status' }, `Making the ${label.toLowerCase()} export…`));
              try {
                const made = /** @type {ExportView} */ (await api(`/api/tab/sit/exports/${what}`, { method: 'POST' }));
                files.replaceChildren(
                  ...made.files.map((file) => h('button', { type: 'button', class: 'button', on: { click: () => download(file) } }, `Download ${file.filename}`)),
                  h('span', { class: 'small meta' }, `The links work for you only, until ${new Intl.DateTimeFormat(session.locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(new Date(made.expiresAt))}.`),
                );
              } catch (error) {
                files.replaceChildren(problemNotice(error));
              } finally {
                button.disabled = false;
              }
            },
          },
        },
        label,
      );
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'exports-heading' },
      h('h2', { id: 'exports-heading' }, 'Exports'),
      h('p', { class: 'meta' }, 'An Excel workbook and a CSV file of each, made now from the latest records.'),
      h('div', { class: 'toolbar' }, make('attendance', 'Attendance'), make('nominations', 'Nominations')),
      files,
    );
  }

  /** The download is fetched with the same sign-in as the page, so it opens only for its owner. */
  /** @param {ExportView['files'][number]} file */
  async function download(file) {
    const response = await fetch(file.path, { headers: session.headers });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      show(problemNotice(new Problem(body.error || 'The file could not be downloaded.', 'Make the export again.')));
      return;
    }
    const link = h('a', { href: URL.createObjectURL(await response.blob()), download: file.filename });
    document.body.append(link);
    link.click();
    link.remove();
  }

  // ----- A liaison group's chat or channel: the group's nomination -----

  /**
   * @param {string} conversationId
   * @param {'channel' | 'groupChat'} kind
   */
  async function showGroup(conversationId, kind) {
    title.textContent = 'Champion school nomination';
    loading('Loading the group’s nomination…');
    try {
      const view = /** @type {GroupView} */ (await api(`/api/tab/group?conversationId=${encodeURIComponent(conversationId)}&kind=${kind}`));
      who.textContent = view.group.name;
      show(renderGroup(view));
    } catch (error) {
      show(problemNotice(error));
    }
  }

  /** @param {GroupView} view */
  function renderGroup(view) {
    const nomination = view.nomination;
    if (!nomination) return notice('No nomination yet', `${view.group.name} has not started its nomination. Mention the bot here and say “nominate” to start it.`);
    /**
     * @param {string} label
     * @param {NominatedSchool | null} choice
     */
    const choiceCard = (label, choice) =>
      h(
        'section',
        { class: 'card' },
        h('h2', {}, label),
        choice
          ? [
              h('p', {}, h('strong', {}, choice.name || `URN ${choice.urn}`), h('span', { class: 'meta' }, ` · URN ${choice.urn}${choice.phase ? ` · ${capitalise(choice.phase)}` : ''}`)),
              h('p', {}, 'Disadvantaged Pupil Champion: ', choice.championName || 'not named yet'),
            ]
          : h('p', { class: 'meta' }, 'Not chosen yet.'),
      );
    return h(
      'div',
      {},
      h(
        'section',
        { class: 'card' },
        h('h2', {}, view.group.name),
        h('p', {}, statusChip(NOMINATION_STATUS, nomination.status), nomination.submittedAt ? ` Submitted on ${formatDate(nomination.submittedAt)}${nomination.submittedBy ? ` by ${nomination.submittedBy}` : ''}.` : ''),
        nomination.decidedAt ? h('p', { class: 'meta' }, `The School Improvement Team decided on ${formatDate(nomination.decidedAt)}.`) : null,
        nomination.status === 'draft' ? h('p', { class: 'small meta' }, 'Carry on with the nomination card in this chat: mention the bot and say “nominate”.') : null,
      ),
      h('div', { class: 'grid' }, choiceCard('First choice', nomination.first), choiceCard('Second choice (reserve)', nomination.second)),
    );
  }

  /** @param {string | null | undefined} text */
  function capitalise(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
  }

  start();
})();
