// Mail templates are React components (Resend's convention), rendered to HTML and text.
import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";

const wrap: React.CSSProperties = { fontFamily: "Inter, Arial, sans-serif", color: "#111827", maxWidth: 520, margin: "0 auto", padding: 24 };
const codeStyle: React.CSSProperties = { fontSize: 28, letterSpacing: 6, fontWeight: 700, padding: "12px 16px", background: "#f3f4f6", borderRadius: 8, display: "inline-block" };
const button: React.CSSProperties = { background: "#2563eb", color: "#ffffff", padding: "10px 18px", borderRadius: 6, textDecoration: "none", display: "inline-block" };

function Layout({ organization, children }: { organization: string; children: React.ReactNode }) {
  return (
    <html>
      <body style={{ background: "#ffffff" }}>
        <div style={wrap}>
          <p style={{ color: "#6b7280", fontSize: 13 }}>{organization}</p>
          {children}
          <p style={{ color: "#6b7280", fontSize: 12, marginTop: 32 }}>If you did not expect this message, you can ignore it.</p>
        </div>
      </body>
    </html>
  );
}

export type CodeEmailProps = {
  organization: string;
  heading: string;
  intro: string;
  code: string;
  link: string;
  linkLabel: string;
  expiresIn: string;
};

export function CodeEmail(p: CodeEmailProps) {
  return (
    <Layout organization={p.organization}>
      <h1 style={{ fontSize: 20 }}>{p.heading}</h1>
      <p>{p.intro}</p>
      <p>
        Your one-time code: <span style={codeStyle}>{p.code}</span>
      </p>
      <p>
        <a href={p.link} style={button}>
          {p.linkLabel}
        </a>
      </p>
      <p style={{ fontSize: 13 }}>
        Or open {p.link} and enter the code. The code expires in {p.expiresIn} and works once.
      </p>
    </Layout>
  );
}

export function LinkEmail(p: { organization: string; heading: string; intro: string; link: string; linkLabel: string; expiresIn: string }) {
  return (
    <Layout organization={p.organization}>
      <h1 style={{ fontSize: 20 }}>{p.heading}</h1>
      <p>{p.intro}</p>
      <p>
        <a href={p.link} style={button}>
          {p.linkLabel}
        </a>
      </p>
      <p style={{ fontSize: 13 }}>
        The link expires in {p.expiresIn} and works once: {p.link}
      </p>
    </Layout>
  );
}

/** A notice, optionally with a button to the page it is about (no expiry: it opens a page of the app, signed in). */
export function NoticeEmail(p: { organization: string; heading: string; body: string; link?: string; linkLabel?: string }) {
  return (
    <Layout organization={p.organization}>
      <h1 style={{ fontSize: 20 }}>{p.heading}</h1>
      <p>{p.body}</p>
      {p.link ? (
        <p>
          <a href={p.link} style={button}>
            {p.linkLabel ?? "Open"}
          </a>
        </p>
      ) : null}
      {p.link ? <p style={{ fontSize: 13 }}>{p.link}</p> : null}
    </Layout>
  );
}

export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}
