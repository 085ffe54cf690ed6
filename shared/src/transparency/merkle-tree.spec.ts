import { merkleHash } from './merkle-hash';
import { MerkleTree } from './merkle-tree';
import { verifyInclusion } from './verify-inclusion';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const fromHex = (h: string) => Buffer.from(h, 'hex');
const treeOf = (leaves: readonly Uint8Array[]) => MerkleTree.fromLeafHashes(leaves.map((l) => merkleHash.leaf(l)));

// Certificate Transparency's reference vectors (RFC 6962 test data, as in certificate-transparency-go
// and transparency-dev/merkle testonly/constants.go): the 8 leaves and the root of each prefix.
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// [leaf index, tree size, audit path] from the same reference data.
const CT_PATHS: [number, number, string[]][] = [
  [0, 1, []],
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

// Odd sizes computed independently by a recursive Python transcription of RFC 6962 §2.1's MTH and
// PATH (k = largest power of two below n), over the leaves "leaf-0", "leaf-1", …:
// [tree size, leaf index, root, audit path].
const LEAVES = Array.from({ length: 13 }, (_, i) => Buffer.from(`leaf-${i}`));
const PYTHON_VECTORS: [number, number, string, string[]][] = [
  [
    3,
    2,
    'cf763a041c81ceef1578a6083f75c61bef2e0014f2a3e683a97fcfca5be7f19a',
    ['60a53eed0de87a90c8e59427c59c46253c33a76a09502a51801300927b7e6bdc'],
  ],
  [
    5,
    4,
    '00d21829a5503145348abcf712513eacf2a274211ad83e970202bb5b6d80b286',
    ['bdd1c5ff55b19cb6b0e7c761bf9a6ccaa27fbbfc07b74f1fabb6e911a0bd2ab3'],
  ],
  [
    7,
    3,
    '0b007fb915eb9b2a146f54b1c86ec53b664f8e455b7660b0b6ee13edc0d921c0',
    [
      'fca89f57c9f8c8eb4047a7ff9d333acf9e0f3384b20b255bceab0f216dcca267',
      '60a53eed0de87a90c8e59427c59c46253c33a76a09502a51801300927b7e6bdc',
      '8eae6bd3b3a07f1f75ee72a531629e6eb31e42e62f760e47de52a53c3641ef23',
    ],
  ],
  [
    11,
    10,
    '1db5226a80052816fa403f39e329ed282432541d670d8a2f2708ee86a7df10d4',
    [
      'eb004c7475cebdb2b1e55a714b90ff144c22f38120ea89638a1f7ab591815205',
      'ca6b7b3e674ac86c1027b59c87c064fc3bc27b313294c75f83bd05fdd13f0dcf',
    ],
  ],
  [
    13,
    12,
    'a8ef4844c8e1d5ba49c811cdb86e95791f5d32ca7d9709afda28fdf65e949a53',
    [
      'fee938f7594012df9b7ce3e3600a09706a2adb92bf7b73b93a8dd92b8be5a280',
      'ca6b7b3e674ac86c1027b59c87c064fc3bc27b313294c75f83bd05fdd13f0dcf',
    ],
  ],
  [
    13,
    5,
    'a8ef4844c8e1d5ba49c811cdb86e95791f5d32ca7d9709afda28fdf65e949a53',
    [
      'ea9fc1a1b6e191b460d0d6306e3e870c173f39330f13cda1b70cfc72bdc398ba',
      '398ebdeb46e179eeffacef4635fd30410954e169b88e22741fa96cffb1022a85',
      'bdd1c5ff55b19cb6b0e7c761bf9a6ccaa27fbbfc07b74f1fabb6e911a0bd2ab3',
      'd0b7438526b80d82cf51c096a8b65a2c19c09e0cff94419d42362be94aec5b64',
    ],
  ],
  [
    6,
    5,
    '160cf1a616e8792f9078a9665cb06520d95a33f467d0826f2310219d31383d73',
    [
      'ea9fc1a1b6e191b460d0d6306e3e870c173f39330f13cda1b70cfc72bdc398ba',
      'bdd1c5ff55b19cb6b0e7c761bf9a6ccaa27fbbfc07b74f1fabb6e911a0bd2ab3',
    ],
  ],
];

describe('MerkleTree against reference vectors', () => {
  it('gives the empty tree the hash of nothing', () => {
    expect(hex(MerkleTree.fromLeafHashes([]).root())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it("gives CT's published root for every tree of 1 to 8 leaves", () => {
    for (let n = 1; n <= 8; n++) expect([n, hex(treeOf(CT_LEAVES.slice(0, n)).root())]).toEqual([n, CT_ROOTS[n - 1]]);
  });

  it("gives CT's published audit paths, and each verifies against the published root", () => {
    for (const [index, size, path] of CT_PATHS) {
      const tree = treeOf(CT_LEAVES.slice(0, size));
      expect([index, size, tree.inclusionProof(index).map(hex)]).toEqual([index, size, path]);
      const claim = {
        leafHash: merkleHash.leaf(CT_LEAVES[index]!),
        index,
        size,
        proof: path.map(fromHex),
        root: fromHex(CT_ROOTS[size - 1]!),
      };
      expect(verifyInclusion(claim)).toBe(true);
    }
  });

  it('matches an independent recursive RFC 6962 implementation on odd sizes (roots and paths)', () => {
    for (const [size, index, root, path] of PYTHON_VECTORS) {
      const tree = treeOf(LEAVES.slice(0, size));
      expect([size, index, hex(tree.root()), tree.inclusionProof(index).map(hex)]).toEqual([size, index, root, path]);
    }
  });
});

describe('inclusion proofs', () => {
  it('verifies every leaf of every tree of 1 to 70 leaves', () => {
    for (let size = 1; size <= 70; size++) {
      const leaves = Array.from({ length: size }, (_, i) => Buffer.from(`leaf-${i}`));
      const tree = treeOf(leaves);
      for (let index = 0; index < size; index++) {
        const claim = {
          leafHash: tree.leafHash(index),
          index,
          size,
          proof: tree.inclusionProof(index),
          root: tree.root(),
        };
        if (!verifyInclusion(claim)) throw new Error(`leaf ${index} of ${size} does not verify`);
      }
    }
  });

  it('rejects a flipped bit, a wrong index, a size not past the index, a short or a long path, and a foreign leaf', () => {
    for (const size of [2, 3, 7, 8, 13, 100]) {
      const tree = treeOf(Array.from({ length: size }, (_, i) => Buffer.from(`leaf-${i}`)));
      for (let index = 0; index < size; index++) {
        const proof = tree.inclusionProof(index);
        const good = { leafHash: tree.leafHash(index), index, size, proof, root: tree.root() };
        expect(verifyInclusion(good)).toBe(true);
        proof.forEach((_, j) => {
          const bad = proof.map((p) => Buffer.from(p));
          const element = bad[j]!;
          element[j % 32] = element[j % 32]! ^ 0x01;
          expect(verifyInclusion({ ...good, proof: bad })).toBe(false);
        });
        if (index + 1 < size) expect(verifyInclusion({ ...good, index: index + 1 })).toBe(false);
        expect(verifyInclusion({ ...good, size: index })).toBe(false);
        expect(verifyInclusion({ ...good, proof: proof.slice(1) })).toBe(false);
        expect(verifyInclusion({ ...good, proof: [...proof, proof[0]!] })).toBe(false);
        expect(verifyInclusion({ ...good, leafHash: merkleHash.leaf(Buffer.from('forged')) })).toBe(false);
      }
    }
  });

  it('builds the same tree in slices as at once, across slice boundaries', async () => {
    for (const size of [0, 1, 8191, 8192, 8193, 20_001]) {
      const leafHashes = Array.from({ length: size }, (_, i) => merkleHash.leaf(Buffer.from(`leaf-${i}`)));
      const atOnce = MerkleTree.fromLeafHashes(leafHashes);
      const sliced = await MerkleTree.fromLeafHashesInSlices(leafHashes);
      expect([size, hex(sliced.root())]).toEqual([size, hex(atOnce.root())]);
      if (size > 0) expect(sliced.inclusionProof(size - 1).map(hex)).toEqual(atOnce.inclusionProof(size - 1).map(hex));
    }
  });

  it('answers false, never throws, for hashes of the wrong length', () => {
    const tree = treeOf([Buffer.from('a'), Buffer.from('b'), Buffer.from('c')]);
    const good = { leafHash: tree.leafHash(0), index: 0, size: 3, proof: tree.inclusionProof(0), root: tree.root() };
    expect(verifyInclusion(good)).toBe(true);
    expect(verifyInclusion({ ...good, proof: [good.proof[0]!.subarray(1), good.proof[1]!] })).toBe(false);
    expect(verifyInclusion({ ...good, root: Buffer.concat([good.root, Buffer.alloc(1)]) })).toBe(false);
  });

  it('refuses an index outside the tree', () => {
    const tree = treeOf([Buffer.from('a'), Buffer.from('b'), Buffer.from('c')]);
    expect(() => tree.inclusionProof(3)).toThrow(RangeError);
    expect(() => tree.inclusionProof(-1)).toThrow(RangeError);
    expect(verifyInclusion({ leafHash: tree.leafHash(0), index: 3, size: 3, proof: [], root: tree.root() })).toBe(
      false,
    );
  });

  it('keeps a leaf hash apart from a node hash (the 0x00 and 0x01 prefixes)', () => {
    const a = merkleHash.leaf(Buffer.from('a'));
    const b = merkleHash.leaf(Buffer.from('b'));
    const asLeaf = merkleHash.leaf(Buffer.concat([a, b]));
    expect(hex(asLeaf)).not.toBe(hex(merkleHash.node(a, b)));
  });
});
