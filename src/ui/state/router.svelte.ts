/** Hash routing: works from the service-worker cache with no server-side routes. */
export class Router {
  path = $state(readPath());
  query = $state(readQuery());

  constructor() {
    window.addEventListener('hashchange', () => {
      this.path = readPath();
      this.query = readQuery();
    });
  }

  go(path: string): void {
    window.location.hash = path;
  }
}

function readPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.split('?')[0] || '/';
}

function readQuery(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '');
}

export const router = new Router();
