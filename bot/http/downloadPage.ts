/**
 * The page a download link opens in a browser: it asks Teams for the user's single sign-on
 * token and fetches the file with it, so the file goes only to its owner.
 */
export function downloadPage(): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Download</title>
<script src="/web/vendor/MicrosoftTeams.min.js"></script>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem;line-height:1.5}</style>
</head>
<body>
<main>
<h1>Your download</h1>
<p id="status">Checking who you are through Teams…</p>
</main>
<script>
const status = document.getElementById('status');
async function run() {
  try {
    await microsoftTeams.app.initialize();
  } catch (error) {
    status.textContent = 'Open this link from Microsoft Teams: the file is only for the person who asked for it.';
    return;
  }
  try {
    const token = await microsoftTeams.authentication.getAuthToken();
    const response = await fetch(location.pathname + location.search, { headers: { authorization: 'Bearer ' + token } });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      status.textContent = body.error || 'The download was refused.';
      return;
    }
    const disposition = response.headers.get('content-disposition') || '';
    const name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || 'export';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    link.textContent = 'Save ' + name;
    status.textContent = 'Your file is ready: ';
    status.appendChild(link);
    link.click();
  } catch (error) {
    status.textContent = 'Teams could not confirm who you are, so the file was not downloaded.';
  }
}
run();
</script>
</body>
</html>`;
}
