/*
 * The configuration page Teams shows when the app is added as a tab to a group chat or a team
 * channel. There is nothing to choose: the tab shows the champion school nomination of the
 * liaison group the chat is linked to, so the page explains that and lets Teams save the tab.
 */
'use strict';

(() => {
  const TEAMS_START_MS = 5000;
  const main = document.getElementById('main');

  function paragraph(text, className) {
    const node = document.createElement('p');
    node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function section(heading, ...texts) {
    const node = document.createElement('section');
    node.className = 'notice';
    const title = document.createElement('h2');
    title.textContent = heading;
    node.append(title, ...texts.map((text) => paragraph(text)));
    return node;
  }

  function applyTheme(theme) {
    document.body.dataset.theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  }

  function withTimeout(promise, ms) {
    let timer;
    const timeout = new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('Teams did not answer.')), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  async function start() {
    let context;
    try {
      if (typeof microsoftTeams === 'undefined') throw new Error('The Teams JavaScript client did not load.');
      context = await withTimeout(
        microsoftTeams.app.initialize().then(() => microsoftTeams.app.getContext()),
        TEAMS_START_MS,
      );
    } catch {
      main.replaceChildren(section('Open this page in Microsoft Teams', 'Teams shows this page when you add the School improvement app as a tab to a chat or channel.'));
      return;
    }
    applyTheme(context.app.theme);
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    document.documentElement.lang = context.app.locale || 'en-GB';

    const tab = {
      entityId: 'championNomination',
      contentUrl: new URL('/web/tab.html', location.origin).href,
      websiteUrl: new URL('/web/tab.html', location.origin).href,
      suggestedDisplayName: 'Champion nomination',
    };
    microsoftTeams.pages.config.registerOnSaveHandler((saveEvent) => {
      microsoftTeams.pages.config
        .setConfig(tab)
        .then(() => saveEvent.notifySuccess())
        .catch((error) => saveEvent.notifyFailure(error && error.message ? error.message : 'The tab could not be saved.'));
    });
    microsoftTeams.pages.config.setValidityState(true);

    main.replaceChildren(
      section(
        'Champion school nomination',
        'This tab shows your liaison group’s Disadvantaged Champion School nomination to the group: its first choice and reserve, their named champions, and where the nomination stands with the School Improvement Team.',
        'It works once this chat is linked to its liaison group: mention the bot here and say which liaison group the chat is for.',
        'Each person sees it signed in as themselves: the staff of the group’s schools who have told the bot their school, and the School Improvement Team.',
      ),
      paragraph('Select Save to add the tab.', 'meta'),
    );
    microsoftTeams.app.notifySuccess();
  }

  start();
})();
