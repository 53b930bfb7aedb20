"""The papers the fake services know: each one exercises a case of the documented formats."""

from __future__ import annotations

from .fakes import ArxivPaper, CrossrefWork

# Two versions: v1 on 12 Sep 2023, v2 on 20 Sep 2023.
MULTI_VERSION = ArxivPaper(
    id="2309.05904",
    title="Enhancing Representation in Radiography-Reports Foundation Model: A Granular Alignment Algorithm Using Masked Contrastive Learning",
    authors=["Weijian Huang", "Cheng Li", "Hao Yang", "Jiarun Liu", "Shanshan Wang"],
    versions=["2023-09-12", "2023-09-20"],
)
# Published since: a journal reference and the published version's DOI.
PUBLISHED = ArxivPaper(
    id="2307.07246",
    title="Knowledge Boosting: Rethinking Medical Contrastive Vision-Language Pre-Training",
    authors=["Xiaofei Chen", "Yuting He", "Cheng Xue", "Rongjun Ge", "Shuo Li", "Guanyu Yang"],
    versions=["2023-07-14"],
    journal_ref="MICCAI 2023, LNCS 14220, pp. 405-415",
    doi="10.1007/978-3-031-43907-0_39",
)
WITHDRAWN = ArxivPaper(
    id="2302.07257",
    title="ChatCAD: Interactive Computer-Aided Diagnosis on Medical Image using Large Language Models",
    authors=["Sheng Wang", "Zihao Zhao", "Xi Ouyang", "Qian Wang", "Dinggang Shen"],
    versions=["2023-02-14", "2023-03-01"],
    comment="This paper has been withdrawn by the authors",
    summary="This paper has been withdrawn by the authors.",
)
ONE_VERSION = ArxivPaper(
    id="2307.15189",
    title="Med-Flamingo: a Multimodal Medical Few-shot Learner",
    authors=[
        "Michael Moor",
        "Qian Huang",
        "Shirley Wu",
        "Michihiro Yasunaga",
        "Cyril Zakka",
        "Yash Dalmia",
        "Eduardo Pontes Reis",
        "Pranav Rajpurkar",
        "Jure Leskovec",
    ],
    versions=["2023-07-27"],
)
OLD_STYLE = ArxivPaper(
    id="hep-th/9901001",
    title="Comments on the $\\mathcal{N}=4$ Super Yang--Mills Theory",
    authors=["A. Author", "B. Author"],
    versions=["1999-01-01"],
)
EXPERT_QA = ArxivPaper(
    id="2305.09617",
    title="Towards Expert-Level Medical Question Answering with Large Language Models",
    authors=(
        "Karan Singhal, Tao Tu, Juraj Gottweis, Rory Sayres, Ellery Wulczyn, Le Hou, Kevin Clark, "
        "Stephen Pfohl, Heather Cole-Lewis, Darlene Neal, Mike Schaekermann, Amy Wang, Mohamed Amin, "
        "Sami Lachgar, Philip Mansfield, Sushant Prakash, Bradley Green, Ewa Dominowska, "
        "Blaise Aguera y Arcas, Nenad Tomasev, Yun Liu, Renee Wong, Christopher Semturs, "
        "S. Sara Mahdavi, Joelle Barral, Dale Webster, Greg S. Corrado, Yossi Matias, "
        "Shekoofeh Azizi, Alan Karthikesalingam, Vivek Natarajan"
    ).split(", "),
    versions=["2023-05-16"],
)
MEDBLIP = ArxivPaper(
    id="2305.10799",
    title="MedBLIP: Bootstrapping Language-Image Pre-training from 3D Medical Images and Texts",
    authors=["Qiuhui Chen", "Xinyue Hu", "Zirui Wang", "Yi Hong"],
    versions=["2023-05-18", "2023-06-02"],
)
# For adding to the table excerpt, whose rows are from 2026.
WORLD_MODEL = ArxivPaper(
    id="2605.01234",
    title="A Survey of World Models for Embodied Agents",
    authors=["Ann Author", "Ben Builder"],
    versions=["2026-05-10"],
)
ARXIV_PAPERS = [
    MULTI_VERSION,
    PUBLISHED,
    WITHDRAWN,
    ONE_VERSION,
    OLD_STYLE,
    EXPERT_QA,
    MEDBLIP,
    WORLD_MODEL,
]
UNKNOWN_ID = "2301.99999"

# The original list's two *none* entries: neither is on arXiv.
CLINICAL_BERT = CrossrefWork(
    doi="10.1609/aaai.v36i3.20204",
    title="Clinical-BERT: Vision-Language Pre-training for Radiograph Diagnosis and Reports Generation",
    authors=[("Bin", "Yan"), ("Mingtao", "Pei")],
    issued=(2022, 6, 28),
    container="Proceedings of the AAAI Conference on Artificial Intelligence",
)
VQA_MDPI = CrossrefWork(
    doi="10.3390/bioengineering10030380",
    title="Vision–Language Model for Visual Question Answering in Medical Imagery",
    authors=[
        ("Yakoub", "Bazi"),
        ("Mohamad Mahmoud", "Al Rahhal"),
        ("Laila", "Bashmal"),
        ("Mansour", "Zuair"),
    ],
    issued=(2023, 3, 20),
    container="Bioengineering",
)
# Same title words, wrong year: a search hit that must not count.
WRONG_YEAR = CrossrefWork(
    doi="10.5555/clinical-bert-2019",
    title="Clinical BERT: Vision Language Pre training for Radiograph Diagnosis and Reports Generation",
    authors=[("Someone", "Else")],
    issued=(2019, 1, 1),
    container="Some Workshop",
)
CROSSREF_WORKS = [WRONG_YEAR, CLINICAL_BERT, VQA_MDPI]
