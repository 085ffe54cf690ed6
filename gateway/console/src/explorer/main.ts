import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { explorerFetcher } from './fetcher';

/**
 * The API explorer (GraphiQL, bundled: no CDN), served by the gateway at GET /graphql to browsers
 * in development only. Tokens go in its headers pane: {"authorization": "Bearer …"}.
 */
const DEFAULT_QUERY = `# 阳光政务监督平台 接口调试（示例：权力清单）
# 需要登录的查询：在下方“Headers”中填写 {"authorization": "Bearer <token>"}（npm run -s token 生成）。
query Catalog {
  rootUnits {
    code
    name
  }
  powers(first: 5) {
    totalCount
    edges {
      node {
        catalogCode
        name
        categoryLabel
      }
    }
  }
}
`;

const root = document.getElementById('explorer');
if (root) createRoot(root).render(createElement(GraphiQL, { fetcher: explorerFetcher(), defaultQuery: DEFAULT_QUERY }));
