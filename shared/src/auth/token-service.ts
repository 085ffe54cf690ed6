import { createHmac } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { platformError, PlatformErrorCode } from '../errors/platform-error';
import type { Principal } from './principal';
import { PERSON_ROLES, Role } from './role';
import { TokenKeys } from './token-keys';
import { unitCode } from './unit-code';

const ISSUER = 'sunlight';
const USER_AUDIENCE = 'sunlight-api';
const GATEWAY_AUDIENCE = 'sunlight-subgraph';
const ALG = 'HS256';

interface PrincipalClaims extends JWTPayload {
  role?: unknown;
  unit?: unknown;
  dept?: unknown;
  post?: unknown;
  name?: unknown;
  client?: unknown;
}

function toClaims(p: Principal, withClient: boolean): PrincipalClaims {
  return {
    role: p.role,
    ...(p.unit ? { unit: p.unit } : {}),
    ...(p.department ? { dept: p.department } : {}),
    ...(p.post ? { post: p.post } : {}),
    ...(p.name ? { name: p.name } : {}),
    ...(withClient && p.client ? { client: p.client } : {}),
  };
}

function fromClaims(c: PrincipalClaims, allowed: readonly Role[], withClient: boolean): Principal {
  const role = c.role as Role;
  if (typeof c.sub !== 'string' || !allowed.includes(role))
    throw platformError(PlatformErrorCode.UNAUTHENTICATED, '令牌缺少有效的用户或角色，请重新登录');
  if (role !== Role.PUBLIC && role !== Role.SERVICE && (typeof c.unit !== 'string' || !unitCode.isValid(c.unit))) {
    throw platformError(PlatformErrorCode.UNAUTHENTICATED, '令牌缺少有效的单位，请重新登录');
  }
  return {
    subject: c.sub,
    role,
    ...(typeof c.unit === 'string' ? { unit: c.unit } : {}),
    ...(typeof c.dept === 'string' ? { department: c.dept } : {}),
    ...(typeof c.post === 'string' ? { post: c.post } : {}),
    ...(typeof c.name === 'string' ? { name: c.name } : {}),
    ...(withClient && typeof c.client === 'string' ? { client: c.client } : {}),
  };
}

/** A verified user token: who, and when the token was issued and expires (ms since the epoch). */
export interface VerifiedToken {
  principal: Principal;
  issuedAt: number;
  expiresAt: number;
}

/**
 * Signs and verifies Sunlight's two kinds of token (HS256 via `jose`):
 * user tokens that clients present to the gateway, and short-lived assertions the gateway (or a
 * service) attaches to every subgraph request so subgraphs can refuse anything that did not
 * come through it.
 *
 * Invariants: every token carries `exp` and `iat` and is refused without them; a user token is
 * signed with the current key of {@link TokenKeys} and names it in `kid`, and is accepted only
 * under the current or the previous key.
 */
export class TokenService {
  private readonly tokenKeys: TokenKeys;

  constructor(
    tokenKeys: TokenKeys | Uint8Array,
    private readonly internalSecret: Uint8Array,
    private readonly ttlSeconds = 8 * 3600,
  ) {
    this.tokenKeys = tokenKeys instanceof TokenKeys ? tokenKeys : new TokenKeys(tokenKeys);
  }

  /** A key for one purpose (e.g. query codes), derived from the internal secret with HMAC-SHA256. */
  deriveKey(purpose: string): Uint8Array {
    return new Uint8Array(createHmac('sha256', this.internalSecret).update(`sunlight:${purpose}`).digest());
  }

  /** Issues a user token for a person's principal. */
  async issue(principal: Principal, ttlSeconds = this.ttlSeconds): Promise<string> {
    return new SignJWT(toClaims(principal, false))
      .setProtectedHeader({ alg: ALG, kid: this.tokenKeys.currentKid })
      .setSubject(principal.subject)
      .setIssuer(ISSUER)
      .setAudience(USER_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.tokenKeys.current);
  }

  /**
   * Verifies a user token: signature under the key its `kid` names (current or previous), issuer,
   * audience, and the presence of `exp`, `iat` and `sub`. Throws UNAUTHENTICATED or TOKEN_EXPIRED.
   */
  async verify(token: string): Promise<VerifiedToken> {
    try {
      const { payload } = await jwtVerify<PrincipalClaims>(
        token,
        (header) => {
          const secret = this.tokenKeys.secretFor(header.kid);
          if (!secret) throw platformError(PlatformErrorCode.UNAUTHENTICATED, '令牌的签名密钥未知或已停用，请重新登录');
          return secret;
        },
        { issuer: ISSUER, audience: USER_AUDIENCE, algorithms: [ALG], requiredClaims: ['exp', 'iat', 'sub'] },
      );
      return {
        principal: fromClaims(payload, PERSON_ROLES, false),
        issuedAt: payload.iat! * 1000,
        expiresAt: payload.exp! * 1000,
      };
    } catch (e) {
      if (e instanceof errors.JWTExpired)
        throw platformError(PlatformErrorCode.TOKEN_EXPIRED, '令牌已过期，请重新登录');
      if (e instanceof Error && 'extensions' in e) throw e;
      throw platformError(PlatformErrorCode.UNAUTHENTICATED, '令牌无效，请重新登录');
    }
  }

  /** Signs the internal assertion that carries a principal from the gateway to a subgraph. */
  async assert(principal: Principal, ttlSeconds = 60): Promise<string> {
    return new SignJWT(toClaims(principal, true))
      .setProtectedHeader({ alg: ALG })
      .setSubject(principal.subject)
      .setIssuer(ISSUER)
      .setAudience(GATEWAY_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.internalSecret);
  }

  /** Verifies an internal assertion; throws GATEWAY_REQUIRED when it is missing or invalid. */
  async verifyAssertion(assertion: string | undefined): Promise<Principal> {
    if (!assertion) throw platformError(PlatformErrorCode.GATEWAY_REQUIRED, '子服务只受理经网关转发的请求');
    try {
      const { payload } = await jwtVerify<PrincipalClaims>(assertion, this.internalSecret, {
        issuer: ISSUER,
        audience: GATEWAY_AUDIENCE,
        algorithms: [ALG],
        requiredClaims: ['exp'],
      });
      return fromClaims(payload, [...PERSON_ROLES, Role.PUBLIC, Role.SERVICE], true);
    } catch (e) {
      if (e instanceof Error && 'extensions' in e && !(e instanceof errors.JOSEError)) throw e;
      throw platformError(PlatformErrorCode.GATEWAY_REQUIRED, '网关凭证无效或已过期');
    }
  }
}
