import type { Language } from "../../core/index.ts";
import { fill, messages, type Messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import {
  exampleUrl,
  localizeDocText,
  type ApiDocument,
  type ApiOperation,
  type ApiParameter,
  type LocalizedDocText,
} from "../openapi.ts";

/** A text from the API document, in the page's language where it has one, else marked with its own. */
function DocText({ text, language }: { text: string; language: Language }) {
  return <Localized value={localizeDocText(text, language)} />;
}

function Localized({ value }: { value: LocalizedDocText }) {
  return value.lang === undefined ? <>{value.text}</> : <span lang={value.lang}>{value.text}</span>;
}

function locationLabel(location: string, t: Messages): string {
  switch (location) {
    case "path":
      return t.docsInPath;
    case "query":
      return t.docsInQuery;
    case "header":
      return t.docsInHeader;
    case "cookie":
      return t.docsInCookie;
    default:
      return location;
  }
}

function ParameterRow({ parameter, language }: { parameter: ApiParameter; language: Language }) {
  const t = messages(language);
  return (
    <tr>
      <th scope="row">
        <code>{parameter.name}</code>
      </th>
      <td>{locationLabel(parameter.in, t)}</td>
      <td>{parameter.required ? t.yes : t.no}</td>
      <td>{parameter.type === undefined ? null : <code>{parameter.type}</code>}</td>
      <td>
        {parameter.description === undefined ? null : (
          <DocText text={parameter.description} language={language} />
        )}
        {parameter.enumValues.length === 0 ? null : (
          <span class="doc-detail">
            {t.docsAllowedValues}{" "}
            {parameter.enumValues.map((value, index) => (
              <>
                {index > 0 ? ", " : ""}
                <code>{value}</code>
              </>
            ))}
          </span>
        )}
        {parameter.defaultValue === undefined ? null : (
          <span class="doc-detail">
            {t.docsDefault} <code>{parameter.defaultValue}</code>
          </span>
        )}
      </td>
    </tr>
  );
}

function Operation({ operation, language }: { operation: ApiOperation; language: Language }) {
  const t = messages(language);
  const label = `${operation.method} ${operation.path}`;
  const tryUrl = exampleUrl(operation);
  return (
    <section class="operation" id={operation.id} aria-labelledby={`${operation.id}-heading`}>
      <h3 id={`${operation.id}-heading`}>
        <code>
          <span class="method">{operation.method}</span> {operation.path}
        </code>
      </h3>
      {operation.summary === undefined ? null : (
        <p>
          <DocText text={operation.summary} language={language} />
        </p>
      )}
      {operation.description === undefined ? null : (
        <p>
          <DocText text={operation.description} language={language} />
        </p>
      )}
      {tryUrl === undefined ? null : (
        <p>
          {t.docsTry}: <a href={tryUrl}>{tryUrl}</a>
        </p>
      )}
      <h4>{t.docsParameters}</h4>
      {operation.parameters.length === 0 ? (
        <p>{t.docsNoParameters}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{`${t.docsParameters}: ${label}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t.docsParameterName}</th>
                <th scope="col">{t.docsParameterIn}</th>
                <th scope="col">{t.docsParameterRequired}</th>
                <th scope="col">{t.docsParameterType}</th>
                <th scope="col">{t.docsParameterDescription}</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((parameter) => (
                <ParameterRow parameter={parameter} language={language} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4>{t.docsResponses}</h4>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{`${t.docsResponses}: ${label}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t.docsStatus}</th>
              <th scope="col">{t.docsResponseDescription}</th>
              <th scope="col">{t.docsMediaType}</th>
            </tr>
          </thead>
          <tbody>
            {operation.responses.map((response) => (
              <tr>
                <th scope="row">{response.status}</th>
                <td>
                  <DocText text={response.description} language={language} />
                </td>
                <td>
                  {response.mediaTypes.map((type, index) => (
                    <>
                      {index > 0 ? ", " : ""}
                      <code>{type}</code>
                    </>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export interface TagGroup {
  readonly id: string;
  readonly title: LocalizedDocText;
  readonly operations: readonly ApiOperation[];
}

/** Operations grouped by their first tag, in the document's tag order; untagged ones last. */
export function groupOperations(doc: ApiDocument, language: Language): TagGroup[] {
  const known = new Set(doc.tags.map((tag) => tag.name));
  const groups: TagGroup[] = doc.tags.map((tag, index) => ({
    id: `tag-${index + 1}`,
    title: localizeDocText(tag.description ?? tag.name, language),
    operations: doc.operations.filter((op) => op.tags[0] === tag.name),
  }));
  const rest = doc.operations.filter((op) => op.tags[0] === undefined || !known.has(op.tags[0]));
  if (rest.length > 0) {
    const title = { text: messages(language).docsOtherTag, lang: undefined };
    groups.push({ id: "tag-other", title, operations: rest });
  }
  return groups.filter((group) => group.operations.length > 0);
}

export function DocsPage({ language, doc }: { language: Language; doc: ApiDocument }) {
  const t = messages(language);
  const groups = groupOperations(doc, language);
  return (
    <Layout language={language} title={t.docsTitle} path="/docs" section="api">
      <h1>{t.docsTitle}</h1>
      {t.docsIntro.map((text) => (
        <p>{text}</p>
      ))}
      <p>
        {doc.title}, {fill(t.docsVersion, { version: doc.version })}.{" "}
        <a href="/openapi.json" type="application/json">
          {t.docsOpenApiLink}
        </a>
      </p>
      <nav class="toc" aria-label={t.docsContents}>
        <h2>{t.docsContents}</h2>
        <ul>
          {groups.map((group) => (
            <li>
              <a href={`#${group.id}`}>
                <Localized value={group.title} />
              </a>
              <ul>
                {group.operations.map((op) => (
                  <li>
                    <a href={`#${op.id}`}>
                      <code>
                        {op.method} {op.path}
                      </code>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section aria-labelledby={group.id}>
          <h2 id={group.id}>
            <Localized value={group.title} />
          </h2>
          {group.operations.map((operation) => (
            <Operation operation={operation} language={language} />
          ))}
        </section>
      ))}
    </Layout>
  );
}
