// The Teams JavaScript client, loaded by tab.html from /web/vendor/ as a script: its global.
declare const microsoftTeams: typeof import('@microsoft/teams-js');
