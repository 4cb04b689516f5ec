/**
 * A list's or dashboard's filters: GET, so a view is a URL that can be bookmarked and shared.
 * `autoComplete="off"` because otherwise the browser, on Back, puts back the choices made before
 * leaving the page while the page shows the figures of its URL: the controls would name another
 * view than the one on screen, and "Terapkan" would open a view nobody chose.
 */
export function FilterForm(props: Omit<React.ComponentProps<'form'>, 'method' | 'autoComplete'>) {
  return <form method="get" autoComplete="off" {...props} />
}
