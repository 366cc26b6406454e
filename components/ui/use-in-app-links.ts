"use client";
import { useRouter } from "next/navigation";

/**
 * Handlers for an element holding plain links (`<a href>`), in place of a next/link per link: a
 * plain click navigates inside the app as a Link does, a click with a modifier (new tab, new
 * window) or on a link elsewhere is the browser's, and a link's page is prefetched when the pointer
 * or the focus comes to it rather than as soon as it is on screen. Each next/link costs its own
 * hooks in every server render of the page: the side menu's 13 were about 2 % of a console page's
 * server time, and every grid has 4-8 more (sortable headers, the pagination arrows).
 */
export function useInAppLinks({ scroll = true }: { scroll?: boolean } = {}) {
  const router = useRouter();
  const linkOf = (e: React.SyntheticEvent) => {
    const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>("a[href]") : null;
    if (!link || link.origin !== window.location.origin || (link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
    return link;
  };
  const disabled = (link: HTMLAnchorElement) => link.getAttribute("aria-disabled") === "true";
  const prefetch = (e: React.SyntheticEvent) => {
    const link = linkOf(e);
    if (link && !disabled(link)) router.prefetch(link.getAttribute("href")!);
  };
  return {
    onClick(e: React.MouseEvent) {
      const link = linkOf(e);
      if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault(); // a disabled arrow (the first or last page) goes nowhere
      if (!disabled(link)) router.push(link.getAttribute("href")!, { scroll });
    },
    onPointerOver: prefetch,
    onFocus: prefetch,
  };
}
